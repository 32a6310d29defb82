import { t, type Locale } from "../../../i18n.js";

// One message for a free-text answer of the wrong length, saying which way it is wrong: a one-character answer
// is told to write more, not "at most 500 characters".

export interface TextLimits {
  min: number;
  max: number;
}

/** The error to show next to a free-text field, or null when its trimmed length is within the limits. */
export function textLengthError(text: string, limits: TextLimits, locale: Locale): string | null {
  const length = text.trim().length;
  if (length < limits.min) return t(locale, "text.tooShort", { min: limits.min });
  if (length > limits.max) return t(locale, "text.tooLong", { max: limits.max, length });
  return null;
}
