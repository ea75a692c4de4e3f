//! The repository plan: which agency owns which model, which models form a
//! family (the same service run by several agencies, written differently),
//! and each family's skeleton of steps. Everything here is cheap and derived
//! from the seed, so any model's identity (file, process id, process name)
//! can be computed without generating it — call activities need that.

use crate::agencies::Agency;
use crate::ids::{base36_7, uuid};
use crate::rng::{hash, Rng};
use crate::vocab::{
    Action, Object, Role, Theme, ACTIONS, FILE_OBJECTS, IDENT_OBJECTS, REPORT_OBJECTS,
    REQS_OBJECTS, RESULT_OBJECTS, THEMES,
};

/// Stream tags, so different decisions never share random numbers.
pub mod tag {
    pub const FAMILIES: u64 = 1;
    pub const SERVICE: u64 = 2;
    pub const SKELETON: u64 = 3;
    pub const MODEL: u64 = 4;
    pub const LAYOUT: u64 = 5;
    pub const DIALECT: u64 = 6;
    pub const LANGUAGE: u64 = 7;
    pub const NAME: u64 = 8;
    pub const AGENCY_TOOL: u64 = 9;
    pub const IDS: u64 = 10;
}

/// How a model is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A collaboration: applicant pool, the owner's pool with lanes (units), maybe a partner agency's pool; message flows.
    Pools,
    /// One pool named after the process, one lane per agency (and maybe the applicant): cross-lane flows are handoffs.
    AgencyLanes,
    /// A bare process (no collaboration) whose lanes are the owner's units.
    Process,
}

/// The tool whose export a model imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// bpmn.io / Camunda Modeler: `bpmn:` prefix, `Activity_0abc123` ids.
    Camunda,
    /// Signavio: default namespace, `sid-…` ids, `signavio:signavioMetaData`.
    Signavio,
    /// Trisotech-style `semantic:` prefix, `_uuid` ids.
    Semantic,
    /// Eclipse BPMN2 Modeler / jBPM style `bpmn2:` prefix, `Task_3` ids.
    Bpmn2,
}

/// A family: one service that one or more agencies run (one model each).
#[derive(Debug, Clone)]
pub struct Family {
    /// The model slot (per agency) the family occupies.
    pub j: u32,
    /// Member agencies, ascending.
    pub members: Vec<u32>,
    pub theme: u8,
    pub main: u8,
    pub qualifier: u8,
}

/// One skeleton step: a unit of work the family's members all (mostly) perform.
#[derive(Debug, Clone)]
pub struct Step {
    pub action: usize,
    pub role: Role,
    pub object: usize,
    /// Append the family's qualifier to the label (sometimes).
    pub qualified: bool,
    /// A completeness check follows this step (reject branch back to the applicant).
    pub reject_after: bool,
}

impl Step {
    pub fn action(&self) -> &'static Action {
        &ACTIONS[self.action]
    }
}

/// Everything about a model that other models may need.
#[derive(Debug, Clone)]
pub struct Identity {
    pub g: usize,
    pub agency: usize,
    pub family: usize,
    pub layout: Layout,
    pub dialect: Dialect,
    pub english: bool,
    /// Path relative to the output folder, `/`-separated.
    pub file: String,
    pub process_id: String,
    pub process_name: String,
}

/// The whole repository's plan.
#[derive(Debug)]
pub struct Plan {
    pub seed: u64,
    pub agencies: Vec<Agency>,
    pub models_per_agency: usize,
    pub activities_per_model: usize,
    pub families: Vec<Family>,
    /// Family index per model `g = agency * models_per_agency + j`.
    family_of: Vec<u32>,
}

/// Largest family (agencies running one planted service).
pub const MAX_FAMILY: usize = 5;

impl Plan {
    pub fn new(
        seed: u64,
        agencies: Vec<Agency>,
        models_per_agency: usize,
        activities_per_model: usize,
        duplicate_percent: u32,
    ) -> Plan {
        let n = agencies.len();
        let m = models_per_agency;
        let m_dup = (m * duplicate_percent as usize + 50) / 100;
        let mut families = Vec::new();
        let mut family_of = vec![0u32; n * m];
        for j in 0..m {
            if j < m_dup && n >= 2 {
                let mut rng = Rng::new(seed, &[tag::FAMILIES, j as u64]);
                let mut perm: Vec<u32> = (0..n as u32).collect();
                rng.shuffle(&mut perm);
                let mut i = 0;
                while i < n {
                    let mut size = rng.range(2, MAX_FAMILY).min(n - i);
                    if n - i - size == 1 {
                        size += 1;
                    }
                    let mut members = perm[i..i + size].to_vec();
                    members.sort_unstable();
                    families.push(family(seed, j, members));
                    i += size;
                }
            } else {
                for a in 0..n as u32 {
                    families.push(family(seed, j, vec![a]));
                }
            }
        }
        for (f, fam) in families.iter().enumerate() {
            for &a in &fam.members {
                family_of[a as usize * m + fam.j as usize] = f as u32;
            }
        }
        Plan {
            seed,
            agencies,
            models_per_agency: m,
            activities_per_model,
            families,
            family_of,
        }
    }

    pub fn theme(&self, family: usize) -> &'static Theme {
        &THEMES[self.families[family].theme as usize]
    }

    /// The family's main business object.
    pub fn main_object(&self, family: usize) -> &'static Object {
        let f = &self.families[family];
        &THEMES[f.theme as usize].main[f.main as usize]
    }

    pub fn qualifier(&self, family: usize) -> &'static str {
        let f = &self.families[family];
        THEMES[f.theme as usize].qualifiers[f.qualifier as usize]
    }

    /// The objects a role draws from, within a family.
    pub fn objects(&self, family: usize, role: Role) -> &'static [Object] {
        let theme = self.theme(family);
        match role {
            Role::File => FILE_OBJECTS,
            Role::Reqs => REQS_OBJECTS,
            Role::Ident => IDENT_OBJECTS,
            Role::Main => std::slice::from_ref(self.main_object(family)),
            Role::Aux => theme.aux,
            Role::Output => theme.output,
            Role::Result => RESULT_OBJECTS,
            Role::Report => REPORT_OBJECTS,
        }
    }

    /// The family's skeleton: about `activities_per_model - 2` steps ordered by phase.
    pub fn skeleton(&self, family: usize) -> Vec<Step> {
        let mut rng = Rng::new(self.seed, &[tag::SKELETON, family as u64]);
        let target = self.activities_per_model.saturating_sub(2).max(3);
        let k = rng
            .range(target.saturating_sub(2), target + 2)
            .max(3)
            .min(ACTIONS.len() * 6);
        // Weighted phases: intake, verification, processing, decision, output, closure.
        const PHASE_WEIGHTS: [usize; 6] = [10, 25, 20, 20, 15, 10];
        let mut steps: Vec<Step> = Vec::with_capacity(k);
        steps.push(Step {
            action: 0,
            role: Role::File,
            object: rng.below(FILE_OBJECTS.len()),
            qualified: false,
            reject_after: false,
        });
        if rng.chance(60) {
            steps.push(Step {
                action: action_index("verifikasi"),
                role: Role::Ident,
                object: rng.below(IDENT_OBJECTS.len()),
                qualified: false,
                reject_after: false,
            });
        }
        let mut attempts = 0;
        while steps.len() < k && attempts < k * 20 {
            attempts += 1;
            let mut roll = rng.below(100);
            let mut phase = 0;
            while roll >= PHASE_WEIGHTS[phase] {
                roll -= PHASE_WEIGHTS[phase];
                phase += 1;
            }
            let candidates: Vec<usize> = (0..ACTIONS.len())
                .filter(|&i| ACTIONS[i].phase as usize == phase)
                .collect();
            let action = *rng.pick(&candidates);
            let role = *rng.pick(ACTIONS[action].roles);
            let objects = self.objects(family, role);
            let object = rng.below(objects.len());
            if steps
                .iter()
                .any(|s| s.action == action && s.role == role && s.object == object)
            {
                continue;
            }
            steps.push(Step {
                action,
                role,
                object,
                qualified: matches!(role, Role::Main | Role::Output) && rng.chance(50),
                reject_after: false,
            });
        }
        steps.sort_by_key(|s| ACTIONS[s.action].phase);
        if rng.chance(70) {
            if let Some(s) = steps.iter_mut().find(|s| {
                ACTIONS[s.action].key == "verifikasi" && matches!(s.role, Role::Reqs | Role::File)
            }) {
                s.reject_after = true;
            } else if let Some(s) = steps
                .iter_mut()
                .find(|s| ACTIONS[s.action].key == "verifikasi")
            {
                s.reject_after = true;
            }
        }
        steps
    }

    /// The identity of model `g`, computed without generating it.
    pub fn identity(&self, g: usize) -> Identity {
        let m = self.models_per_agency;
        let agency = g / m;
        let j = g % m;
        let family = self.family_of[g] as usize;
        let seed = self.seed;
        let n = self.agencies.len();
        let roll = hash(seed, &[tag::LAYOUT, g as u64]) % 100;
        let layout = if n < 2 {
            if roll < 70 {
                Layout::Pools
            } else {
                Layout::Process
            }
        } else if roll < 50 {
            Layout::Pools
        } else if roll < 85 {
            Layout::AgencyLanes
        } else {
            Layout::Process
        };
        const DIALECTS: [Dialect; 4] = [
            Dialect::Camunda,
            Dialect::Signavio,
            Dialect::Semantic,
            Dialect::Bpmn2,
        ];
        // An agency mostly uses one tool.
        let tool = hash(seed, &[tag::AGENCY_TOOL, agency as u64]);
        let own = hash(seed, &[tag::DIALECT, g as u64]);
        let dialect = if own % 100 < 80 {
            DIALECTS[(tool % 4) as usize]
        } else {
            DIALECTS[((own >> 8) % 4) as usize]
        };
        let english = hash(seed, &[tag::LANGUAGE, g as u64]) % 100 < 4;
        let theme = self.theme(family);
        let main = self.main_object(family);
        let code = self.agencies[agency].code.to_ascii_lowercase();
        let file = format!("{}/{}-{:04}-{}.bpmn", theme.folder, code, j + 1, main.key);
        let process_id = self.process_id(g, dialect, 0);
        let nh = hash(seed, &[tag::NAME, g as u64]);
        let qualifier = self.qualifier(family);
        let process_name = if english {
            format!("{} service ({qualifier})", capitalise(main.english))
        } else {
            let word = theme.process_words[(nh % theme.process_words.len() as u64) as usize];
            let form = main.forms[((nh >> 8) % main.forms.len() as u64) as usize];
            if (nh >> 16).is_multiple_of(2) {
                format!("{word} {form} {qualifier}")
            } else {
                format!("{word} {form}")
            }
        };
        Identity {
            g,
            agency,
            family,
            layout,
            dialect,
            english,
            file,
            process_id,
            process_name,
        }
    }

    /// A process id unique across the repository: `k` = 0 the model's own
    /// process, 1 the applicant's, 2 a partner's.
    pub fn process_id(&self, g: usize, dialect: Dialect, k: u64) -> String {
        let key = g as u64 * 4 + k;
        match dialect {
            Dialect::Camunda => format!("Process_{}", base36_7(key, 0)),
            Dialect::Signavio => format!("sid-{}", uuid(hash(self.seed, &[tag::IDS]), key, true)),
            Dialect::Semantic => format!("_{}", uuid(hash(self.seed, &[tag::IDS, 1]), key, false)),
            Dialect::Bpmn2 => {
                let m = self.models_per_agency;
                let code = self.agencies[g / m].code.to_ascii_lowercase();
                let suffix = ["", ".pemohon", ".mitra", ".lain"][k as usize % 4];
                format!("id.go.{code}.layanan{:04}{suffix}", g % m + 1)
            }
        }
    }
}

fn family(seed: u64, j: usize, members: Vec<u32>) -> Family {
    let key = members.first().copied().unwrap_or(0) as u64;
    let mut rng = Rng::new(seed, &[tag::SERVICE, j as u64, key]);
    let theme = rng.below(THEMES.len());
    let t = &THEMES[theme];
    Family {
        j: j as u32,
        members,
        theme: theme as u8,
        main: rng.below(t.main.len()) as u8,
        qualifier: rng.below(t.qualifiers.len()) as u8,
    }
}

pub fn action_index(key: &str) -> usize {
    ACTIONS.iter().position(|a| a.key == key).unwrap_or(0)
}

/// First letter upper-cased.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
