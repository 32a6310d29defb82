// Fictional Latvian names for generated demo learners and staff. Names exist only so that the privacy tests
// have real-looking personal data to hunt for in chat traffic; they are stored encrypted like real ones.
export const FEMALE_FIRST = ["Anna", "Elza", "Sofija", "Marta", "Emīlija", "Alise", "Paula", "Katrīna", "Estere", "Laura", "Agate", "Madara", "Līva", "Keita", "Amēlija"];
export const MALE_FIRST = ["Jānis", "Roberts", "Markuss", "Gustavs", "Kristaps", "Emīls", "Rihards", "Daniels", "Artūrs", "Mārtiņš", "Ralfs", "Niks", "Oskars", "Dāvis", "Edgars"];
// Latvian surnames take a feminine or masculine ending.
export const SURNAMES: ReadonlyArray<readonly [feminine: string, masculine: string]> = [
  ["Bērziņa", "Bērziņš"], ["Kalniņa", "Kalniņš"], ["Ozoliņa", "Ozoliņš"], ["Jansone", "Jansons"],
  ["Ozola", "Ozols"], ["Liepiņa", "Liepiņš"], ["Krūmiņa", "Krūmiņš"], ["Balode", "Balodis"],
  ["Eglīte", "Eglītis"], ["Zariņa", "Zariņš"], ["Pētersone", "Pētersons"], ["Vītola", "Vītols"],
  ["Kļaviņa", "Kļaviņš"], ["Siliņa", "Siliņš"], ["Celma", "Celms"], ["Lāce", "Lācis"],
];
