//! MIWG cross-vendor agreement: for each of the 21 reference models and
//! each tool's export/roundtrip of it, the counts of tasks, events, gateways,
//! sequence flows, participants, lanes and message flows must equal the
//! reference's, except for the exports listed in [`DIFFERENCES`], which must
//! differ exactly as recorded there (see docs/bpmn-import.md for the why).
//!
//! Skipped with a message when `../shared/corpora/miwg` is absent.

use std::collections::BTreeMap;
use std::path::Path;

use peta_bpmn::{parse_file, FlowNodeKind, Model, ParseOptions};

const MIWG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora/miwg");

const NAMES: [&str; 7] = [
    "tasks",
    "events",
    "gateways",
    "flows",
    "participants",
    "lanes",
    "msgflows",
];

// Why an export legitimately differs from the reference.
const EMPTY: &str = "the export holds no process content";
const SPLIT: &str = "the tool writes one file per pool or diagram; each file holds a part";
const CALLED_PROCESS: &str = "the process called by the expanded call activity (a separate process in the reference) is inlined as a sub-process or left out";
const UNNAMED_LANE: &str = "drops the reference's single unnamed lane in the first pool";
const EXTRA_POOLS: &str = "adds pools (participants) around processes, lanes or partners";
const EXTRA_LANE: &str = "adds an unnamed default lane";
const MESSAGE_FLOWS: &str = "drops message flows (with the pools they connect)";
const WRONG_MODEL: &str = "the file holds the B.2.0 model, not B.1.0";
const COPIES: &str =
    "the export carries five extra copies of the process from the tool's workspace";
const COLLAPSED_AS_TASK: &str = "the collapsed sub-process is exported as a plain task";
const SUBPROCESS_ALSO_TASK: &str =
    "the sub-process is exported twice: as a sub-process and as a task of the same name";
const OTHER: &str =
    "tool-specific loss or addition of elements on export (recorded, not investigated further)";

/// `(tool folder, file stem, differences "name ref->export, …", why)`.
const DIFFERENCES: &[(&str, &str, &str, &str)] = &[
    ("ADONIS 17.0", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("ADONIS 17.0", "B.1.0-roundtrip", "tasks 8->7, events 11->9, flows 26->24", CALLED_PROCESS),
    ("ADONIS 17.0", "B.2.0-roundtrip", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("ADONIS 17.0", "C.1.0-export", "lanes 4->3, msgflows 5->3", UNNAMED_LANE),
    ("ADONIS 17.0", "C.2.0-roundtrip", "msgflows 5->2", MESSAGE_FLOWS),
    ("ADONIS 17.0", "C.4.0-export", "tasks 22->12, events 12->6, gateways 6->5, flows 41->26, participants 4->1", OTHER),
    ("ADONIS 17.0", "C.4.0-roundtrip", "tasks 22->12, events 12->6, gateways 6->5, flows 41->26, participants 4->1", OTHER),
    ("ARIS 10.2025.07", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("ARIS 10.2025.07", "A.4.0-roundtrip", "participants 1->2", EXTRA_POOLS),
    ("ARIS 10.2025.07", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24", CALLED_PROCESS),
    ("ARIS 10.2025.07", "B.1.0-roundtrip", "tasks 8->7, events 11->9, flows 26->24", CALLED_PROCESS),
    ("ARIS 10.2025.07", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("ARIS 10.2025.07", "B.2.0-roundtrip", "tasks 33->32, events 45->43, flows 85->83, participants 2->3", CALLED_PROCESS),
    ("ARIS 10.2025.07", "C.8.0-export", "participants 0->1", EXTRA_POOLS),
    ("Activiti Designer 5.14.1", "A.3.0-export", "events 5->4, flows 8->7", OTHER),
    ("Aeneis 5.7.89.2400", "A.3.0-export", "tasks 4->5", COLLAPSED_AS_TASK),
    ("Aeneis 5.7.89.2400", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("Aeneis 5.7.89.2400", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24, lanes 2->3", CALLED_PROCESS),
    ("Aeneis 5.7.89.2400", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83, lanes 2->1", CALLED_PROCESS),
    ("Aeneis 5.7.89.2400", "B.2.0-roundtrip", "lanes 2->3", OTHER),
    ("Aeneis 5.7.89.2400", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("BIC Cloud Design 6.2.0", "A.3.0-export", "tasks 4->5", COLLAPSED_AS_TASK),
    ("BIC Cloud Design 6.2.0", "A.3.0-roundtrip", "tasks 4->5", COLLAPSED_AS_TASK),
    ("BIC Cloud Design 6.2.0", "A.4.0-export", "flows 13->9, participants 1->2", OTHER),
    ("BIC Cloud Design 6.2.0", "A.4.0-roundtrip", "tasks 6->2, events 9->2, flows 13->3, lanes 2->0, msgflows 2->0", OTHER),
    ("BIC Cloud Design 6.2.0", "A.4.1-export", "flows 13->9", OTHER),
    ("BIC Cloud Design 6.2.0", "A.4.1-roundtrip", "flows 13->9", OTHER),
    ("BIC Cloud Design 6.2.0", "B.1.0-export", "tasks 8->10, events 11->9, flows 26->20", OTHER),
    ("BIC Cloud Design 6.2.0", "B.1.0-roundtrip", "tasks 8->10, events 11->7, flows 26->20", OTHER),
    ("BIC Cloud Design 6.2.0", "B.2.0-roundtrip", "tasks 33->34, events 45->38, gateways 8->7, flows 85->69", OTHER),
    ("BIC Cloud Design 6.2.0", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("BIC Cloud Design 6.2.0", "C.2.0-export", "gateways 3->1, flows 25->19, msgflows 5->3", OTHER),
    ("BIC Cloud Design 6.2.0", "C.2.0-roundtrip", "gateways 3->1, flows 25->19, msgflows 5->3", OTHER),
    ("BIC Cloud Design 6.2.0", "C.3.0-export", "tasks 4->5", SUBPROCESS_ALSO_TASK),
    ("BIC Cloud Design 6.2.0", "C.3.0-roundtrip", "tasks 4->5", SUBPROCESS_ALSO_TASK),
    ("BIC Cloud Design 6.2.0", "C.5.0-roundtrip", "tasks 18->17, events 6->4, gateways 12->10, flows 40->34", OTHER),
    ("BIC Cloud Design 6.2.0", "C.6.0-roundtrip", "tasks 12->9, events 21->15, gateways 5->1, flows 32->20", OTHER),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24", CALLED_PROCESS),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "C.4.0-export.1", "tasks 22->12, events 12->6, gateways 6->5, flows 41->26, participants 4->1", SPLIT),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "C.4.0-export.2", "tasks 22->5, events 12->2, gateways 6->0, flows 41->6, participants 4->1, lanes 2->0", SPLIT),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "C.4.0-export.3", "tasks 22->3, events 12->2, gateways 6->1, flows 41->6, participants 4->1, lanes 2->0", SPLIT),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "C.4.0-export.4", "tasks 22->2, events 12->2, gateways 6->0, flows 41->3, participants 4->1, lanes 2->0", SPLIT),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "C.5.0-export.1", "tasks 18->2, events 6->2, gateways 12->2, flows 40->6, participants 1->0, lanes 3->0", SPLIT),
    ("BPMN-Modeler for Confluence Enterprise 3.38.0", "C.5.0-export.2", "tasks 18->2, events 6->2, gateways 12->2, flows 40->6, participants 1->0, lanes 3->0", SPLIT),
    ("Bizagi Modeler 2.8.0.8", "A.1.0-roundtrip", "participants 0->2", EXTRA_POOLS),
    ("Bizagi Modeler 2.8.0.8", "A.2.0-roundtrip", "participants 0->2", EXTRA_POOLS),
    ("Bizagi Modeler 2.8.0.8", "A.3.0-roundtrip", "participants 0->2", EXTRA_POOLS),
    ("Bizagi Modeler 2.8.0.8", "A.4.0-roundtrip", "participants 1->3", EXTRA_POOLS),
    ("Bizagi Modeler 2.8.0.8", "A.4.1-roundtrip", "participants 2->3", EXTRA_POOLS),
    ("Bizagi Modeler 2.8.0.8", "B.1.0-roundtrip", "participants 2->5", EXTRA_POOLS),
    ("Bizagi Modeler 2.8.0.8", "B.2.0-roundtrip", "participants 2->5", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "A.1.0-export", "participants 0->2, lanes 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "A.1.0-roundtrip", "participants 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "A.2.0-export", "participants 0->2, lanes 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "A.2.0-roundtrip", "participants 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "A.2.1-export", "participants 0->2, lanes 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "A.2.1-roundtrip", "participants 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "A.3.0-export", "tasks 4->3, events 5->3, flows 8->6, participants 0->2, lanes 0->1", OTHER),
    ("Bonita BPM 7.2.3", "A.3.0-roundtrip", "events 5->4, flows 8->7, participants 0->2", OTHER),
    ("Bonita BPM 7.2.3", "A.4.0-export", "events 9->8, flows 13->12, participants 1->7, lanes 2->3", OTHER),
    ("Bonita BPM 7.2.3", "A.4.0-roundtrip", "participants 1->4, msgflows 2->0", MESSAGE_FLOWS),
    ("Bonita BPM 7.2.3", "A.4.1-roundtrip", "participants 2->4, msgflows 2->0", MESSAGE_FLOWS),
    ("Bonita BPM 7.2.3", "B.1.0-roundtrip", "participants 2->6, msgflows 2->0", MESSAGE_FLOWS),
    ("Bonita BPM 7.2.3", "B.2.0-export", "tasks 33->6, events 45->5, gateways 8->5, flows 85->20, participants 2->3, lanes 2->3", OTHER),
    ("Bonita BPM 7.2.3", "B.2.0-roundtrip", "tasks 33->35, events 45->39, flows 85->81, participants 2->9, msgflows 2->1", OTHER),
    ("Bonita BPM 7.2.3", "C.1.0-export", "participants 2->3, msgflows 5->1", MESSAGE_FLOWS),
    ("Bonita BPM 7.2.3", "C.1.0-roundtrip", "msgflows 5->0", MESSAGE_FLOWS),
    ("Bonita BPM 7.2.3", "C.1.1-export", "participants 0->2, lanes 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "C.1.1-roundtrip", "participants 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "C.2.0-roundtrip", "participants 4->12, msgflows 5->1", MESSAGE_FLOWS),
    ("Bonita BPM 7.2.3", "C.3.0-export", "participants 0->2, lanes 0->1", EXTRA_POOLS),
    ("Bonita BPM 7.2.3", "C.3.0-roundtrip", "participants 0->2", EXTRA_POOLS),
    ("Camunda Eclipse Plugin 3.0.0", "A.4.0-export", "tasks 6->2, events 9->2, flows 13->3, lanes 2->0, msgflows 2->0", OTHER),
    ("Camunda Eclipse Plugin 3.0.0", "A.4.1-export", "tasks 6->0, events 9->0, flows 13->0, participants 2->0, lanes 3->0, msgflows 2->0", EMPTY),
    ("Camunda Eclipse Plugin 3.0.0", "B.1.0-export", "tasks 8->6, events 11->7, flows 26->22", OTHER),
    ("Camunda Eclipse Plugin 3.0.0", "B.2.0-export", "tasks 33->29, events 45->38, flows 85->77", OTHER),
    ("Camunda Eclipse Plugin 3.0.0", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("Cardanit (prev. BeePMN) 4.9.1", "C.1.0-export", "participants 2->3, lanes 4->3", UNNAMED_LANE),
    ("Cardanit (prev. BeePMN) 4.9.1", "C.4.0-export", "lanes 2->3", OTHER),
    ("Cardanit (prev. BeePMN) 4.9.1", "C.6.0-export", "flows 32->34", OTHER),
    ("Cardanit (prev. BeePMN) 4.9.1", "C.6.0-roundtrip", "events 21->19", OTHER),
    ("Cardanit (prev. BeePMN) 4.9.1", "C.8.1-export", "participants 1->0", OTHER),
    ("Cardanit (prev. BeePMN) 4.9.1", "C.8.1-roundtrip", "tasks 9->1, flows 16->2", OTHER),
    ("Enterprise Explorer 1.0.0", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("Enterprise Explorer 1.0.0", "A.4.0-roundtrip", "participants 1->2", EXTRA_POOLS),
    ("Enterprise Explorer 1.0.0", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24, participants 2->3", CALLED_PROCESS),
    ("Enterprise Explorer 1.0.0", "B.1.0-roundtrip", "flows 26->24, participants 2->3", OTHER),
    ("Enterprise Explorer 1.0.0", "B.2.0-roundtrip", "flows 85->83, participants 2->3", OTHER),
    ("Enterprise Explorer 1.0.0", "C.4.0-export", "tasks 22->19, events 12->10, flows 41->26", OTHER),
    ("Enterprise Explorer 1.0.0", "C.4.0-roundtrip", "tasks 22->19, events 12->10, flows 41->26", OTHER),
    ("Enterprise Explorer 1.0.0", "C.5.0-export", "flows 40->34", OTHER),
    ("Enterprise Explorer 1.0.0", "C.5.0-roundrip", "flows 40->34", OTHER),
    ("GenMyModel 0.47", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("GenMyModel 0.47", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24", CALLED_PROCESS),
    ("GenMyModel 0.47", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("GenMyModel 0.47", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("GenMyModel 0.47", "C.2.0-export", "events 14->15, lanes 2->4", OTHER),
    ("GenMyModel 0.47", "C.2.0-roundtrip", "lanes 2->4", OTHER),
    ("IBM Process Designer 8.0.1", "A.2.0-export", "flows 9->8", OTHER),
    ("IBM Process Designer 8.0.1", "A.3.0-roundtrip", "events 5->4, gateways 0->1, flows 8->9", OTHER),
    ("MID Innovator 15.1.1.11026", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("MID Innovator 15.1.1.11026", "A.4.0-roundtrip", "participants 1->2", EXTRA_POOLS),
    ("MID bpanda 2019.05.0.8393", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("MID bpanda 2019.05.0.8393", "B.1.0-export", "tasks 8->32, events 11->43, gateways 5->8, flows 26->83", WRONG_MODEL),
    ("MID bpanda 2019.05.0.8393", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("MID bpanda 2019.05.0.8393", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("ModelFoundry 1.1.1", "A.2.1-roundtrip", "flows 11->9", OTHER),
    ("ModelFoundry 1.1.1", "B.2.0-roundtrip", "events 45->40", OTHER),
    ("ModelFoundry 1.1.1", "C.2.0-roundtrip", "events 14->13", OTHER),
    ("Modelio 3.5", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("Modelio 3.5", "C.1.0-roundtrip", "lanes 4->3", UNNAMED_LANE),
    ("OMNITRACKER BPMN 12.3", "B.1.0-export", "tasks 8->14, events 11->18, gateways 5->10, flows 26->48, participants 2->4, lanes 2->4, msgflows 2->4", OTHER),
    ("OMNITRACKER BPMN 12.3", "B.1.0-roundtrip", "tasks 8->7, events 11->9, flows 26->24", CALLED_PROCESS),
    ("OMNITRACKER BPMN 12.3", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("OMNITRACKER BPMN 12.3", "B.2.0-roundtrip", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("OMNITRACKER BPMN 12.3", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("OMNITRACKER BPMN 12.3", "C.9.0-export", "tasks 9->17, events 10->27, gateways 3->4, flows 21->40, participants 1->3", OTHER),
    ("OMNITRACKER BPMN 12.3", "C.9.0-roundtrip", "events 10->9, flows 21->19", OTHER),
    ("OMNITRACKER BPMN 12.3", "C.9.2-export", "tasks 4->8, events 11->17, flows 12->19, participants 1->2", OTHER),
    ("OMNITRACKER BPMN 12.3", "C.9.2-roundtrip", "flows 12->11", OTHER),
    ("Open-BPMN 1.2.8_2", "A.4.1-roundtrip", "participants 2->3", EXTRA_POOLS),
    ("Open-BPMN 1.2.8_2", "B.1.0-roundtrip", "participants 2->3", EXTRA_POOLS),
    ("Open-BPMN 1.2.8_2", "B.2.0-roundtrip", "participants 2->3", EXTRA_POOLS),
    ("Open-BPMN 1.2.8_2", "C.1.0-roundtrip", "participants 2->3", EXTRA_POOLS),
    ("Open-BPMN 1.2.8_2", "C.4.0-roundtrip", "participants 4->5", EXTRA_POOLS),
    ("Open-BPMN 1.2.8_2", "C.5.0-roundtrip", "participants 1->2", EXTRA_POOLS),
    ("Open-BPMN 1.2.8_2", "C.7.0-roundtrip", "participants 1->2", EXTRA_POOLS),
    ("SAP Signavio Process Manager 19.9.0", "A.4.0-export", "participants 1->2, lanes 2->3", OTHER),
    ("SAP Signavio Process Manager 19.9.0", "A.4.0-roundtrip", "participants 1->2, lanes 2->3", OTHER),
    ("SAP Signavio Process Manager 19.9.0", "B.1.0-export", "tasks 8->6, events 11->7, flows 26->23, lanes 2->3", OTHER),
    ("SAP Signavio Process Manager 19.9.0", "B.1.0-roundtrip", "tasks 8->7, events 11->9, flows 26->24, lanes 2->3", CALLED_PROCESS),
    ("SAP Signavio Process Manager 19.9.0", "B.2.0-export", "tasks 33->29, events 45->38, flows 85->83, lanes 2->3", OTHER),
    ("SAP Signavio Process Manager 19.9.0", "B.2.0-roundtrip", "tasks 33->32, events 45->43, flows 85->83, lanes 2->3", CALLED_PROCESS),
    ("SAP Signavio Process Manager 19.9.0", "C.2.0-export", "lanes 2->5", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.2.0-roundtrip", "lanes 2->5", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-export.1", "tasks 22->12, events 12->6, gateways 6->5, flows 41->26, participants 4->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-export.2", "tasks 22->5, events 12->2, gateways 6->0, flows 41->6, participants 4->1, lanes 2->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-export.3", "tasks 22->3, events 12->2, gateways 6->1, flows 41->6, participants 4->1, lanes 2->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-export.4", "tasks 22->2, events 12->2, gateways 6->0, flows 41->3, participants 4->1, lanes 2->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-roundtrip.1", "tasks 22->12, events 12->6, gateways 6->5, flows 41->26, participants 4->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-roundtrip.2", "tasks 22->5, events 12->2, gateways 6->0, flows 41->6, participants 4->1, lanes 2->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-roundtrip.3", "tasks 22->3, events 12->2, gateways 6->1, flows 41->6, participants 4->1, lanes 2->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.4.0-roundtrip.4", "tasks 22->2, events 12->2, gateways 6->0, flows 41->3, participants 4->1, lanes 2->1", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.5.0-export.1", "tasks 18->16, events 6->4, gateways 12->10, flows 40->34", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.5.0-export.2", "tasks 18->2, events 6->2, gateways 12->2, flows 40->6, participants 1->0, lanes 3->0", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.5.0-roundtrip.1", "tasks 18->16, events 6->4, gateways 12->10, flows 40->34", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.5.0-roundtrip.2", "tasks 18->2, events 6->2, gateways 12->2, flows 40->6, participants 1->0, lanes 3->0", SPLIT),
    ("SAP Signavio Process Manager 19.9.0", "C.8.1-export", "lanes 0->1", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.8.1-roundtrip", "lanes 0->1", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.9.0-export", "lanes 0->1", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.9.0-roundtrip", "lanes 0->1", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.9.1-export", "lanes 0->1", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.9.1-roundtrip", "lanes 0->1", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.9.2-export", "lanes 0->1", EXTRA_LANE),
    ("SAP Signavio Process Manager 19.9.0", "C.9.2-roundtrip", "lanes 0->1", EXTRA_LANE),
    ("Trisotech BPMN Visio Add in 5.0.1", "A.4.1-export", "participants 2->1, lanes 3->2", OTHER),
    ("Trisotech BPMN Visio Add in 5.0.1", "B.1.0-export", "flows 26->25", OTHER),
    ("Trisotech BPMN Visio Add in 5.0.1", "B.2.0-export", "events 45->40, flows 85->79, msgflows 2->0", OTHER),
    ("Trisotech BPMN Visio Add in 5.0.1", "C.3.0-export", "flows 15->14", OTHER),
    ("Trisotech Workflow Modeler 12.6.3", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24, msgflows 2->1", CALLED_PROCESS),
    ("Trisotech Workflow Modeler 12.6.3", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("Trisotech Workflow Modeler 12.6.3", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("Trisotech Workflow Modeler 12.6.3", "C.3.0-export", "flows 15->14", OTHER),
    ("Trisotech Workflow Modeler 12.6.3", "C.8.0-export", "tasks 9->54, events 7->42, gateways 2->12, flows 16->96", COPIES),
    ("Trisotech Workflow Modeler 12.6.3", "C.8.1-export", "tasks 9->54, events 7->42, gateways 2->12, flows 16->96", COPIES),
    ("Visual Paradigm 11.1", "A.4.0-roundtrip", "participants 1->3", EXTRA_POOLS),
    ("Visual Paradigm 11.1", "A.4.1-roundtrip", "participants 2->4", EXTRA_POOLS),
    ("Visual Paradigm 11.1", "B.1.0-roundtrip", "participants 2->4", EXTRA_POOLS),
    ("Visual Paradigm 11.1", "B.2.0-roundtrip", "participants 2->4", EXTRA_POOLS),
    ("Visual Paradigm 11.1", "C.1.0-roundtrip", "participants 2->4", EXTRA_POOLS),
    ("W4 BPMN+ Composer V.10.4", "B.1.0-export", "flows 26->25", OTHER),
    ("W4 BPMN+ Composer V.10.4", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->82, msgflows 2->1", CALLED_PROCESS),
    ("W4 BPMN+ Composer V.10.4", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("W4 BPMN+ Composer V.9.4", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("Yaoqiang BPMN Editor 4.0", "A.2.1-export", "flows 11->9", OTHER),
    ("Yaoqiang BPMN Editor 4.0", "A.2.1-roundtrip", "flows 11->9", OTHER),
    ("Yaoqiang BPMN Editor 4.0", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("Yaoqiang BPMN Editor 4.0", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("actiBPM 3.E-8", "A.3.0-export", "events 5->3", OTHER),
    ("actiBPM 3.E-8", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("actiBPM 3.E-8", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24, msgflows 2->1", CALLED_PROCESS),
    ("actiBPM 3.E-8", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83, msgflows 2->1", CALLED_PROCESS),
    ("bpmn.io (Camunda Modeler) 18.6.1", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("bpmn.io (Camunda Modeler) 18.6.1", "B.1.0-export", "tasks 8->7, events 11->9, flows 26->24", CALLED_PROCESS),
    ("bpmn.io (Camunda Modeler) 18.6.1", "B.2.0-export", "tasks 33->32, events 45->43, flows 85->83", CALLED_PROCESS),
    ("bpmn.io (Camunda Modeler) 18.6.1", "C.1.0-export", "lanes 4->3", UNNAMED_LANE),
    ("bpmn.io (Camunda Modeler) 18.6.1", "C.4.0-export", "tasks 22->12, events 12->6, gateways 6->5, flows 41->26, participants 4->1", OTHER),
    ("bpmn.io (Camunda Modeler) 18.6.1", "C.5.0-export", "tasks 18->16, events 6->4, gateways 12->10, flows 40->34", OTHER),
    ("iGrafx FlowCharter 2013 15.1.1.1580", "A.3.0-roundtrip", "tasks 4->5", COLLAPSED_AS_TASK),
    ("iGrafx FlowCharter 2013 15.1.1.1580", "A.4.0-export", "tasks 6->7, participants 1->2", OTHER),
    ("iGrafx FlowCharter 2013 15.1.1.1580", "A.4.0-roundtrip", "participants 1->2", EXTRA_POOLS),
    ("iGrafx FlowCharter 2013 15.1.1.1580", "B.1.0-export", "tasks 8->10, events 11->13, flows 26->28", OTHER),
    ("iGrafx FlowCharter 2013 15.1.1.1580", "B.1.0-roundtrip", "tasks 8->9", OTHER),
    ("iGrafx FlowCharter 2013 15.1.1.1580", "B.2.0-export", "tasks 33->35, flows 85->87", OTHER),
    ("iGrafx FlowCharter 2013 15.1.1.1580", "B.2.0-roundtrip", "tasks 33->0, events 45->0, gateways 8->0, flows 85->0, participants 2->0, lanes 2->0, msgflows 2->0", EMPTY),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "A.3.0-export", "flows 8->10", OTHER),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "A.3.0-roundtrip", "tasks 4->5", COLLAPSED_AS_TASK),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "A.4.0-export", "participants 1->2", EXTRA_POOLS),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "A.4.0-roundtrip", "flows 13->12, participants 1->3, lanes 2->0, msgflows 2->3", OTHER),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "B.1.0-export", "tasks 8->10", OTHER),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "B.1.0-roundtrip", "tasks 8->9", OTHER),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "B.2.0-export", "tasks 33->39, flows 85->84", OTHER),
    ("iGrafx Process 2013 for Six Sigma 15.0.4.1565", "B.2.0-roundtrip", "tasks 33->0, events 45->0, gateways 8->0, flows 85->0, participants 2->0, lanes 2->0, msgflows 2->0", EMPTY),
    ("ibo Prometheus 3.9.0.0", "A.4.0-roundtrip", "tasks 6->2, events 9->2, flows 13->3, participants 1->2, lanes 2->0", OTHER),
    ("ibo Prometheus 3.9.0.0", "A.4.1-roundtrip", "participants 2->3", EXTRA_POOLS),
    ("ibo Prometheus 3.9.0.0", "B.1.0-roundtrip", "tasks 8->6, events 11->7, flows 26->22, participants 2->3", OTHER),
    ("ibo Prometheus 3.9.0.0", "B.2.0-roundtrip", "tasks 33->29, events 45->38, flows 85->77, participants 2->3", OTHER),
    ("ibo Prometheus 3.9.0.0", "C.1.0-roundtrip", "participants 2->3", EXTRA_POOLS),
    ("ibo Prometheus 3.9.0.0", "C.2.0-roundtrip", "participants 4->5", EXTRA_POOLS),
];

fn counts(m: &Model) -> [usize; 7] {
    let mut c = [0; 7];
    for (_, n) in m.flow_nodes() {
        match n.kind {
            FlowNodeKind::Task(_) => c[0] += 1,
            FlowNodeKind::Event { .. } => c[1] += 1,
            FlowNodeKind::Gateway(_) => c[2] += 1,
            _ => {}
        }
    }
    for p in &m.processes {
        c[3] += p.sequence_flows.len();
        c[5] += p.lanes().len();
    }
    for co in &m.collaborations {
        c[4] += co.participants.len();
        c[6] += co.message_flows.len();
    }
    c
}

fn describe(reference: &[usize; 7], export: &[usize; 7]) -> String {
    (0..7)
        .filter(|&i| reference[i] != export[i])
        .map(|i| format!("{} {}->{}", NAMES[i], reference[i], export[i]))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn vendor_exports_agree_with_the_reference_models() {
    let root = Path::new(MIWG);
    if !root.is_dir() {
        eprintln!("SKIP: {MIWG} is absent (the shared corpora live beside the repository)");
        return;
    }
    let opts = ParseOptions::default();
    let mut references = BTreeMap::new();
    for e in std::fs::read_dir(root.join("Reference"))
        .expect("Reference/")
        .flatten()
    {
        let p = e.path();
        let case = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let m = parse_file(&p, &opts).expect("reference models import");
        references.insert(case, counts(&m));
    }
    assert_eq!(references.len(), 21, "21 reference models A.1.0 … C.9.2");

    let mut problems = Vec::new();
    let (mut compared, mut agree, mut no_reference) = (0, 0, 0);
    let mut seen = 0;
    let mut tools: Vec<_> = std::fs::read_dir(root)
        .expect("miwg/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    tools.sort();
    for dir in tools {
        let tool = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if tool == "Reference" || tool == "Work in Progress" {
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("tool folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let stem = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // `<case>-export`, `<case>-roundtrip`, `<case>-export.2`, …
            let Some((case, _)) = stem.rsplit_once('-') else {
                continue;
            };
            let Some(reference) = references.get(case) else {
                no_reference += 1; // e.g. A.1.1 or C.4.0.1: no reference model
                continue;
            };
            compared += 1;
            let export = match parse_file(&f, &opts) {
                Ok(m) => counts(&m),
                Err(e) => {
                    problems.push(format!("{tool}/{stem}: does not import: {e}"));
                    continue;
                }
            };
            let actual = describe(reference, &export);
            match DIFFERENCES
                .iter()
                .find(|(t, s, _, _)| *t == tool && *s == stem)
            {
                Some((_, _, expected, _)) => {
                    seen += 1;
                    if actual != *expected {
                        problems.push(format!(
                            "{tool}/{stem}: recorded `{expected}`, now `{actual}`"
                        ));
                    }
                }
                None if actual.is_empty() => agree += 1,
                None => problems.push(format!(
                    "{tool}/{stem}: differs from the reference: {actual}"
                )),
            }
        }
    }
    eprintln!(
        "MIWG: {compared} exports compared, {agree} agree, {seen} differ as recorded; {no_reference} files have no reference model"
    );
    assert_eq!(
        seen,
        DIFFERENCES.len(),
        "some recorded differences name files that do not exist"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
