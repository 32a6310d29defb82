-- Temporal keeps its state in its own databases on the same server; auto-setup creates the schemas.
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
