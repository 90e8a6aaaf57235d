"""The data layer: records, store, planner, import and export. Never imports textual."""
