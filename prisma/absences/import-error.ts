/**
 * An import that cannot run at all (unreadable header, unknown school, ambiguous scope). Row-level problems
 * are never thrown: they are rejections in the result, so one bad row does not cost the others.
 */
export class AbsenceImportError extends Error {
  override name = "AbsenceImportError";
}
