/** The storage schema version written by this build. Older files migrate forward; newer ones are refused. */
export const SCHEMA_VERSION = 3;

/** The marker every project file carries, so a stray JSON file is never mistaken for a project. */
export const PROJECT_FORMAT = 'factmark-project';
