import type { TextEntry } from "../i18n.js";

// Texts of the hardening capability (issue 16): answers to requests the bot cannot read.
export const FAULTS_TEXTS = {
  "error.formState": {
    lv: "Šo veidlapu vairs nevar nolasīt, tāpēc nekas netika saglabāts. Lūdzu, aizveriet to un sāciet no jauna.",
    en: "This form can no longer be read, so nothing was saved. Please close it and start again.",
  },
  "alert.WORKFLOW_RECONCILED": {
    lv: "Lietas darbplūsma nebija sinhrona ar datubāzi",
    en: "A case workflow was out of step with the database",
  },
  "alert.action.WORKFLOW_RECONCILED": {
    lv: "Trūkstošā darbplūsma ir palaista no jauna ar lietas ziņojumiem. Pārbaudiet, kāpēc tā tika zaudēta; ja darbplūsma ir beigusies, bet lieta vēl atvērta, izlemiet, kā rīkoties.",
    en: "A missing workflow was started again with the case's reports. Check why it was lost; if a workflow ended while its case is still open, decide what to do.",
  },
} satisfies Record<string, TextEntry>;
