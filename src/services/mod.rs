//! services layer (see ARCHITECTURE.md).
