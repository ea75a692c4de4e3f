//! Loading a repository for the analysis commands: from paths (a temporary in-memory pipeline) or from a store (`--db`).
