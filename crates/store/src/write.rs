//! Writing one parsed model's rows. Called inside the per-file transaction.

use std::collections::HashMap;

use peta_bpmn::{FlowNodeKind, Label, Model};
use rusqlite::{params, Transaction};

use crate::derive::Derived;
use crate::{norm, StoreError, NOW_SQL};

/// The identity and content of one file being stored.
pub(crate) struct FileRow<'a> {
    /// Canonical absolute path: the identity of the model in the store.
    pub path: &'a str,
    /// Path relative to the registry folder or the import root, `/`-separated.
    pub rel_path: &'a str,
    /// The root given to `import` this file was found under.
    pub root: &'a str,
    pub hash: &'a str,
    pub bytes: &'a [u8],
}

fn display(l: &Option<Label>) -> Option<&str> {
    l.as_ref().map(|l| l.display.as_str())
}

/// Inserts `model` and all its rows; returns the new model row id.
/// The caller has removed any previous version of the same path.
pub(crate) fn insert_model(
    tx: &Transaction<'_>,
    file: &FileRow<'_>,
    model: &Model,
    derived: &Derived,
) -> Result<i64, StoreError> {
    let node_count: usize = model.processes.iter().map(|p| p.flow_nodes.len()).sum();
    let diagnostics = serde_json::to_string(&model.diagnostics)?;
    tx.prepare_cached(&format!(
        "INSERT INTO models(path, rel_path, key, hash, size, exporter, exporter_version, encoding,
                            imported_at, diagnostics, source, node_count, root)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, {NOW_SQL}, ?9, ?10, ?11, ?12)"
    ))?
    .execute(params![
        file.path,
        file.rel_path,
        model.key,
        file.hash,
        file.bytes.len() as i64,
        model.definitions.exporter,
        model.definitions.exporter_version,
        model.encoding,
        diagnostics,
        file.bytes,
        node_count as i64,
        file.root,
    ])?;
    let model_id = tx.last_insert_rowid();

    let mut ins_process = tx.prepare_cached(
        "INSERT INTO processes(model_id, bpmn_id, name, participant, agency) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut ins_lane = tx.prepare_cached(
        "INSERT INTO lanes(model_id, process_id, bpmn_id, name, depth, agency) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut ins_node = tx.prepare_cached(
        "INSERT INTO flow_nodes(model_id, process_id, bpmn_id, kind, label, lane, parent, agency,
                                label_norm, is_activity, called_element)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut ins_fts =
        tx.prepare_cached("INSERT INTO activity_fts(rowid, tokens, label) VALUES (?1, ?2, ?3)")?;
    let mut ins_flow = tx.prepare_cached(
        "INSERT INTO flows(model_id, process_id, bpmn_id, source, target, name, condition, is_default)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut ins_data = tx.prepare_cached(
        "INSERT INTO data_objects(model_id, process_id, bpmn_id, kind, name, name_norm, target)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;

    for (index, process) in model.processes.iter().enumerate() {
        let participant = model
            .participant_of(&process.id)
            .and_then(|p| display(&p.name));
        ins_process.execute(params![
            model_id,
            process.id,
            display(&process.name),
            participant,
            derived.process_agency(index),
        ])?;
        let process_id = tx.last_insert_rowid();

        // Innermost lane of every node, computed once per process.
        let mut lane_of: HashMap<&str, (&str, usize)> = HashMap::new();
        for (lane, depth) in process.lanes() {
            ins_lane.execute(params![
                model_id,
                process_id,
                lane.id,
                display(&lane.name),
                depth as i64,
                derived.lanes.get(&lane.id).cloned().flatten(),
            ])?;
            for r in &lane.flow_node_refs {
                let e = lane_of
                    .entry(r.as_str())
                    .or_insert((lane.id.as_str(), depth));
                if depth > e.1 {
                    *e = (lane.id.as_str(), depth);
                }
            }
        }

        for node in &process.flow_nodes {
            let label = node.label();
            let label_norm = norm::canonical(label);
            let called = match &node.kind {
                FlowNodeKind::CallActivity { called_element } => called_element.as_deref(),
                _ => None,
            };
            ins_node.execute(params![
                model_id,
                process_id,
                node.id,
                node.element_name(),
                label,
                lane_of.get(node.id.as_str()).map(|(l, _)| *l),
                node.parent,
                derived.node_agency(&node.id),
                label_norm,
                node.is_activity(),
                called,
            ])?;
            if node.is_activity() && !label.is_empty() {
                ins_fts.execute(params![tx.last_insert_rowid(), label_norm, label])?;
            }
        }

        for flow in &process.sequence_flows {
            ins_flow.execute(params![
                model_id,
                process_id,
                flow.id,
                flow.source_ref,
                flow.target_ref,
                display(&flow.name),
                flow.condition,
                flow.is_default,
            ])?;
        }

        for d in &process.data_objects {
            let name = display(&d.name);
            ins_data.execute(params![
                model_id,
                process_id,
                d.id,
                "dataObject",
                name,
                norm::canonical(name.unwrap_or("")),
                Option::<&str>::None,
            ])?;
        }
        for d in &process.data_object_refs {
            let name = display(&d.name);
            ins_data.execute(params![
                model_id,
                process_id,
                d.id,
                "dataObjectReference",
                name,
                norm::canonical(name.unwrap_or("")),
                d.data_object_ref,
            ])?;
        }
        for d in &process.data_store_refs {
            let name = display(&d.name);
            ins_data.execute(params![
                model_id,
                process_id,
                d.id,
                "dataStoreReference",
                name,
                norm::canonical(name.unwrap_or("")),
                d.data_store_ref,
            ])?;
        }
    }
    for d in &model.data_stores {
        let name = display(&d.name);
        ins_data.execute(params![
            model_id,
            Option::<i64>::None,
            d.id,
            "dataStore",
            name,
            norm::canonical(name.unwrap_or("")),
            Option::<&str>::None,
        ])?;
    }

    let mut ins_mf = tx.prepare_cached(
        "INSERT INTO message_flows(model_id, bpmn_id, name, source, target) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for c in &model.collaborations {
        for mf in &c.message_flows {
            ins_mf.execute(params![
                model_id,
                mf.id,
                display(&mf.name),
                mf.source_ref,
                mf.target_ref
            ])?;
        }
    }

    let mut ins_theme =
        tx.prepare_cached("INSERT OR IGNORE INTO model_themes(model_id, theme) VALUES (?1, ?2)")?;
    for theme in &derived.themes {
        ins_theme.execute(params![model_id, theme])?;
    }
    Ok(model_id)
}

/// Deletes a model and (by cascade and trigger) every row derived from it.
pub(crate) fn delete_model(tx: &Transaction<'_>, model_id: i64) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM models WHERE id = ?1")?
        .execute([model_id])?;
    Ok(())
}
