import type { TextEntry } from "../i18n.js";

// Texts of the hardening capability (issue 16): answers to requests the bot cannot read.
export const FAULTS_TEXTS = {
  "error.formState": {
    lv: "Šo veidlapu vairs nevar nolasīt, tāpēc nekas netika saglabāts. Lūdzu, aizveriet to un sāciet no jauna.",
    en: "This form can no longer be read, so nothing was saved. Please close it and start again.",
  },
} satisfies Record<string, TextEntry>;
