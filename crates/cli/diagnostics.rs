//! Rendering of importer diagnostics for the terminal (miette).
