// User-facing text, Latvian first with English available (StaffMember.locale). Pure: used by the bot and by the
// worker's notification activity alike. Texts carry case references and actions, never learners' names, and no
// markup of any surface: emphasis, commands and case references are spans the composers build around them
// (bot/core/messages), so the same text reads right in Slack, Teams, the web console and plain text.

import { REPORTING_TEXTS } from "./texts/reporting.js";

/**
 * The languages the product speaks. Adding one (Russian for parent notices) is adding its strings: a text
 * missing in a language falls back along FALLBACK, so a half-translated language still says everything.
 */
import { FAULTS_TEXTS } from "./texts/faults.js";

export const LOCALES = ["lv", "en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "lv";

/** Where to look when a language lacks a text; Latvian, the language of the law and the schools, is last. */
const FALLBACK: Record<Locale, readonly Locale[]> = { lv: ["lv"], en: ["en", "lv"], ru: ["ru", "lv"] };

/** The locale a chat platform or a person's profile names, or the default for anything we do not speak. */
export function asLocale(value: unknown): Locale {
  return LOCALES.includes(value as Locale) ? (value as Locale) : DEFAULT_LOCALE;
}

type Params = Record<string, string | number>;
/** Latvian and English are required for every text; other languages add theirs when translated. */
export type TextEntry = { lv: string; en: string } & Partial<Record<Locale, string>>;
type Entry = TextEntry;

/**
 * The core's texts. A capability with many texts of its own keeps them in bot/core/texts/<capability>.ts
 * (`export const X_TEXTS = { … } satisfies Record<string, TextEntry>`) and spreads them into MESSAGES below.
 */
const CORE_MESSAGES = {
  "help.title": { lv: "PMP komandas", en: "PMP commands" },
  "help.report": {
    lv: "{command} — ziņot par iespējamu PMP risku (izglītojamais, riski, biežums)",
    en: "{command} — report a possible early-school-leaving risk",
  },
  "help.case": {
    lv: "{command} — lietas informācija (tikai tiesīgām lomām; katra apskate tiek reģistrēta)",
    en: "{command} — case details (authorised roles only; every view is logged)",
  },
  "help.tasks": {
    lv: "{command} — mani atvērtie uzdevumi (kas gaida Jūs, tikai ar atsaucēm)",
    en: "{command} — my open tasks (what is waiting for you, by reference only)",
  },
  "help.help": {
    lv: "{command} — šī palīdzība ({other} — in English)",
    en: "{command} — this help ({other} — latviski)",
  },
  "help.privacy": {
    lv: "Čatā nerakstiet vārdus un personas kodus: lietas apzīmē ar atsaucēm.",
    en: "Never write names or personal codes in chat: cases are identified by references.",
  },
  "error.unregistered": {
    lv: "Jūs neesat reģistrēts pmp-bot lietotājs. Lūdzu, sazinieties ar savas pašvaldības PMP koordinatoru.",
    en: "You are not registered with pmp-bot. Please contact your municipality's PMP coordinator.",
  },
  "error.forbidden": { lv: "Jums nav tiesību veikt šo darbību.", en: "You are not allowed to do this." },
  "error.training": {
    lv: "Lai piekļūtu lietām, nepieciešama derīga datu aizsardzības apmācība.",
    en: "Access to cases needs valid data-protection training.",
  },
  "error.unknownCase": {
    lv: "Lieta {ref} nav atrasta, vai Jums nav piekļuves tai.",
    en: "Case {ref} not found or not accessible to you.",
  },
  "error.unknownCommand": { lv: "Nezināma komanda. Izmantojiet {command}.", en: "Unknown command. Try {command}." },
  "error.generic": {
    lv: "Radās kļūda; nekas netika zaudēts. Lūdzu, mēģiniet vēlreiz.",
    en: "Something went wrong; nothing was lost. Please try again.",
  },
  "report.title": { lv: "Ziņot par PMP risku", en: "Report a PMP risk" },
  "report.next": { lv: "Tālāk", en: "Next" },
  "report.submit": { lv: "Iesniegt", en: "Submit" },
  "report.cancel": { lv: "Atcelt", en: "Cancel" },
  "report.class": { lv: "Klase", en: "Class" },
  "report.learner": { lv: "Izglītojamais (kods un iniciāļi)", en: "Learner (code and initials)" },
  "report.pickClassFirst": { lv: "Vispirms izvēlieties klasi.", en: "Choose a class first." },
  "report.risks": { lv: "{group}: novērotie riski", en: "{group}: risks observed" },
  "report.other": {
    lv: "Cits (brīvs teksts, bez vārdiem un personas kodiem)",
    en: "Other (free text, no names or personal codes)",
  },
  "report.lowAttainment": {
    lv: "Mācību priekšmetu skaits ar zemu vērtējumu",
    en: "Number of subjects with low grades",
  },
  "report.parents": { lv: "Vai vecāki (aizbildņi) ir informēti?", en: "Have the parents (guardians) been informed?" },
  "report.parents.YES": { lv: "Jā", en: "Yes" },
  "report.parents.NO": { lv: "Nē", en: "No" },
  "report.parents.NOT_YET": { lv: "Vēl nē, informēšu", en: "Not yet, I will" },
  "report.frequencyIntro": {
    lv: "Norādiet, cik bieži katrs risks novērots.",
    en: "Say how often each risk has been observed.",
  },
  "report.error.learner": { lv: "Izvēlieties izglītojamo.", en: "Choose a learner." },
  "report.error.noRisk": {
    lv: "Atzīmējiet vismaz vienu risku vai aprakstiet citu.",
    en: "Mark at least one risk or describe another.",
  },
  "text.tooShort": {
    lv: "Ierakstiet vismaz {min#rakstzīmi|rakstzīmes}.",
    en: "Write at least {min#character|characters}.",
  },
  "text.tooLong": {
    lv: "Ne vairāk kā {max#rakstzīme|rakstzīmes} (tagad {length}).",
    en: "At most {max#character|characters} (now {length}).",
  },
  "decide.error.intensity": { lv: "Izvēlieties riska intensitāti.", en: "Choose the risk intensity." },
  "report.error.lowAttainment": { lv: "Skaitlis no 0 līdz 20.", en: "A number from 0 to 20." },
  "report.done.title": { lv: "Paldies!", en: "Thank you!" },
  "report.done": {
    lv: "Ziņojums reģistrēts lietā {ref}. Atbalsta komanda to izskatīs.",
    en: "Report registered in case {ref}. The support team will review it.",
  },
  "report.done.existing": {
    lv: "Ziņojums pievienots esošajai lietai {ref}.",
    en: "Report added to the existing case {ref}.",
  },
  "level.UNIVERSAL": { lv: "universālais", en: "universal" },
  "level.TARGETED": { lv: "mērķtiecīgais", en: "targeted" },
  "level.INDICATED": { lv: "pielāgotais (krīzes intervence)", en: "indicated (crisis intervention)" },
  "case.new": { lv: "Jauns PMP ziņojums: {ref}", en: "New PMP report: {ref}" },
  "case.newOnExisting": { lv: "Jauns ziņojums lietā {ref}", en: "New report on case {ref}" },
  "case.level": { lv: "Līmenis pēc ziņojuma: {level}", en: "Level from the report: {level}" },
  "case.groups": { lv: "Riska grupas: {groups}", en: "Risk groups: {groups}" },
  "case.actionInvestigate": {
    lv: "Nepieciešams: pārņemt lietu un izpētīt (sazināties ar izglītojamo un vecākiem), lēmums līdz {deadline}.",
    en: "Needed: take the case and investigate (contact the learner and parents); decide by {deadline}.",
  },
  "case.take": { lv: "Pārņemt lietu", en: "Take the case" },
  "case.takenBy": { lv: "Lietu pārņēma {name}.", en: "{name} took the case." },
  "case.alreadyTaken": { lv: "Lietu {ref} jau pārņēma {name}.", en: "Case {ref} was already taken by {name}." },
  "case.youManage": {
    lv: "Jūs esat lietas {ref} vadītājs. Izpētes termiņš: {deadline}.",
    en: "You manage case {ref}. Investigation deadline: {deadline}.",
  },
  "case.confirm": { lv: "Apstiprināt", en: "Confirm" },
  "case.reject": { lv: "Noraidīt", en: "Reject" },
  "case.reminder": {
    lv: "Atgādinājums: lietas {ref} izpētes termiņš ir {deadline}.",
    en: "Reminder: the investigation of case {ref} is due {deadline}.",
  },
  "case.overdue": {
    lv: "Lietas {ref} izpētes termiņš ({deadline}) ir nokavēts. Lūdzu, pārņemiet vai nododiet lietu.",
    en: "The investigation of case {ref} is overdue (due {deadline}). Please take over or reassign it.",
  },
  "case.confirmed": {
    lv: "Lieta {ref} apstiprināta: {level} līmenis, intensitāte {intensity}.",
    en: "Case {ref} confirmed: {level} level, intensity {intensity}.",
  },
  "case.rejected": { lv: "Lieta {ref} noraidīta.", en: "Case {ref} rejected." },
  "case.route.UNIVERSAL": {
    lv: "Lieta {ref} apstiprināta universālajā līmenī: nepieciešami klases audzinātāja atbalsta pasākumi.",
    en: "Case {ref} confirmed at the universal level: class-teacher measures needed.",
  },
  "case.route.TARGETED": {
    lv: "Lieta {ref} apstiprināta mērķtiecīgajā līmenī: atbalsta komandai jāsagatavo individuālais atbalsta plāns (IAP).",
    en: "Case {ref} confirmed at the targeted level: the support team prepares an individual support plan (IAP).",
  },
  "case.route.INDICATED": {
    lv: "Lieta {ref} nodota starpinstitūciju sadarbības grupai (iekļauta nākamās sēdes darba kārtībā); nepieciešams IAP.",
    en: "Case {ref} referred to the inter-institutional group (queued for its next meeting); an IAP is needed.",
  },
  "case.outcome.full.CONFIRM": {
    lv: "Jūsu ziņojums lietā {ref} izskatīts: risks apstiprināts ({level} līmenis).",
    en: "Your report on case {ref} was reviewed: risk confirmed ({level} level).",
  },
  "case.outcome.full.REJECT": {
    lv: "Jūsu ziņojums lietā {ref} izskatīts: risks neapstiprinājās.",
    en: "Your report on case {ref} was reviewed: the risk was not confirmed.",
  },
  "case.outcome.limited.CONFIRM": {
    lv: "Jūsu ziņojums {ref} izskatīts; atbalsts tiek organizēts. Paldies, ka ziņojāt.",
    en: "Your report {ref} was reviewed; support is being arranged. Thank you for reporting.",
  },
  "case.outcome.limited.REJECT": {
    lv: "Jūsu ziņojums {ref} izskatīts; papildu atbalsts šobrīd nav nepieciešams. Paldies, ka ziņojāt.",
    en: "Your report {ref} was reviewed; no additional support is needed at present. Thank you for reporting.",
  },
  "decide.title": { lv: "Lēmums par lietu", en: "Decision on the case" },
  "decide.intensity": { lv: "Riska intensitāte", en: "Risk intensity" },
  "decide.intensity.1": { lv: "1 — zema", en: "1 — low" },
  "decide.intensity.2": { lv: "2 — vidēja", en: "2 — medium" },
  "decide.intensity.3": { lv: "3 — augsta", en: "3 — high" },
  "decide.level": { lv: "Atbalsta līmenis", en: "Support level" },
  "decide.reason": {
    lv: "Noraidīšanas iemesls (bez vārdiem un personas kodiem)",
    en: "Reason for rejecting (no names or personal codes)",
  },
  "decide.done": { lv: "Lēmums reģistrēts lietā {ref}.", en: "Decision recorded on case {ref}." },
  "decide.already": { lv: "Par lietu {ref} lēmums jau pieņemts.", en: "Case {ref} has already been decided." },
  "details.title": { lv: "Lieta {ref}", en: "Case {ref}" },
  "details.learner": {
    lv: "Izglītojamais: {code} ({initials}), {class}",
    en: "Learner: {code} ({initials}), {class}",
  },
  "details.status": { lv: "Statuss: {status}; līmenis: {level}", en: "Status: {status}; level: {level}" },
  "details.manager": { lv: "Lietas vadītājs: {name}", en: "Case manager: {name}" },
  "details.noManager": { lv: "Lietas vadītājs vēl nav noteikts", en: "No case manager yet" },
  "details.deadline": { lv: "Izpētes termiņš: {deadline}", en: "Investigation due: {deadline}" },
  "details.reports": { lv: "Ziņojumi: {count}; pirmais {first}", en: "Reports: {count}; first {first}" },
  "details.risks": { lv: "Riski: {risks}", en: "Risks: {risks}" },
  "details.why": { lv: "Kāpēc šis līmenis: {why}", en: "Why this level: {why}" },
  "details.clears": { lv: "Kas to mazinātu: {clears}", en: "What would lower it: {clears}" },
  "absence.parentContact": {
    lv: "Kavējums bez informācijas ({date}): {learner} ({class}). Sazinieties ar {whom} līdz mācību dienas beigām ({due}) un atzīmējiet rezultātu. ({point})",
    en: "Absence without information ({date}): {learner} ({class}). Contact {whom} by the end of the school day ({due}) and record the outcome. ({point})",
  },
  "absence.whom.parents": { lv: "vecākiem", en: "the parents" },
  "absence.whom.outOfFamily": {
    lv: "audžuģimeni, aizbildni vai bērnu aprūpes iestādes vadītāju (ārpusģimenes aprūpe)",
    en: "the foster family, guardian or care-institution head (out-of-family care)",
  },
  "absence.showContacts": { lv: "Rādīt kontaktus", en: "Show contacts" },
  "absence.outcome.JUSTIFIED": { lv: "Sazinājos: attaisnots", en: "Contacted: justified" },
  "absence.outcome.UNJUSTIFIED": { lv: "Sazinājos: neattaisnots", en: "Contacted: unjustified" },
  "absence.outcome.UNREACHABLE": { lv: "Nevarēja sazināties", en: "Could not reach" },
  "absence.viisEntry": {
    lv: "{learner} ({class}) šajā semestrī ir {count#neattaisnots kavējums|neattaisnoti kavējumi}: nekavējoties ievadiet VIIS kavējumus, to iemeslus un rīcību to novēršanai. ({point})",
    en: "{learner} ({class}) has {count#unexcused absence|unexcused absences} this semester: enter the absences, their reasons and the remedial action in VIIS now. ({point})",
  },
  "absence.viisDone": { lv: "Ievadīts VIIS", en: "Entered in VIIS" },
  "absence.resolved": { lv: "Situācija atrisināta", en: "Situation resolved" },
  "absence.remedial": { lv: "Rīcība kavējumu novēršanai (bez vārdiem)", en: "Remedial action (no names)" },
  "absence.informed": {
    lv: "Informācijai: izglītojamais {learner} ({school}) šajā semestrī pārsniedza neattaisnoto kavējumu robežu ({count}). Direktoram uzdots ievadīt VIIS. ({point})",
    en: "For information: learner {learner} ({school}) passed the unexcused-absence threshold this semester ({count}). The director has been asked to enter it in VIIS. ({point})",
  },
  "absence.referral": {
    lv: "{learner} ({class}): kavējumu problēma nav atrisināta. Nosūtiet e-parakstītu dokumentu sociālā dienesta oficiālajā e-pastā ({email}) un atzīmējiet nosūtīšanu. ({point})",
    en: "{learner} ({class}): the absences are not resolved. Send an e-signed document to the social service's official e-mail ({email}) and record that it was sent. ({point})",
  },
  "absence.referralSent": { lv: "Dokuments nosūtīts", en: "Document sent" },
  "absence.documentRef": { lv: "Dokumenta numurs vai atsauce", en: "Document number or reference" },
  "absence.ack": {
    lv: "Saņemts skolas nosūtījums par izglītojamo {learner} ({school}). Lūdzu, apstipriniet saņemšanu līdz {due}. ({point})",
    en: "A school referral about learner {learner} ({school}) was sent to you. Please acknowledge receipt by {due}. ({point})",
  },
  "absence.ackDone": { lv: "Saņemšana apstiprināta", en: "Receipt acknowledged" },
  "absence.reminder": {
    lv: "Atgādinājums: uzdevuma par {learner} termiņš ir {due}.",
    en: "Reminder: the task about {learner} is due {due}.",
  },
  "absence.overdue": {
    lv: "Nokavēts termiņš ({due}): uzdevums par {learner} ({school}) nav izpildīts. Lūdzu, rīkojieties. ({point})",
    en: "Missed deadline ({due}): the task about {learner} ({school}) was not done. Please act. ({point})",
  },
  "absence.agenda": {
    lv: "Izglītojamā {learner} ({school}) neattaisnoti kavēto stundu skaits mācību gadā pārsniedza {count}: jautājums iekļauts starpinstitūciju sadarbības grupas nākamās sēdes darba kārtībā.",
    en: "Learner {learner} ({school}) passed {count} unexcused lessons this school year: added to the inter-institutional group's next agenda.",
  },
  "absence.contacts": { lv: "Kontakti (skatījums reģistrēts):", en: "Contacts (this view is logged):" },
  "absence.noContacts": { lv: "Kontaktinformācija nav reģistrēta.", en: "No contact details on file." },
  "absence.contacts.noneToReach": {
    lv: "Nav reģistrēta kontaktpersona, ar ko sazināties ({expected}). Skolas koordinators tiek informēts, lai kontaktus papildinātu.",
    en: "No contact to reach is on file ({expected}). The school coordinator is alerted to add the contacts.",
  },
  "absence.contacts.adultLearner": {
    lv: "izglītojamais pats (pilngadīgs): sazinieties ar viņu tieši",
    en: "the learner in person (an adult): contact them directly",
  },
  "absence.contacts.noConsent": {
    lv: "Vecākus informē tikai ar izglītojamā piekrišanu; piekrišana nav reģistrēta.",
    en: "Parents are informed only with the learner's consent; no consent is on file.",
  },
  "absence.recorded": { lv: "Atzīmēts. Paldies!", en: "Recorded. Thank you!" },
  "absence.alreadyDone": { lv: "Šis uzdevums jau ir izpildīts.", en: "This task has already been done." },
  "absence.unknownStep": {
    lv: "Šāds uzdevums nav atrasts. Pārbaudiet savu uzdevumu sarakstu lietotnes sākumlapā.",
    en: "No such task was found. Please check your task list on the app's home page.",
  },
  "absence.whom.list": { lv: "šiem kontaktiem: {list}", en: "these contacts: {list}" },
  "relation.LEARNER": { lv: "izglītojamais pats", en: "the learner in person" },
  "absence.catchUp": {
    lv: "Vēlu saņemti kavējumi bez informācijas ({dates}): {learner} ({class}). Sazinieties ar {whom} par visām šīm dienām līdz {due} un atzīmējiet rezultātu. ({point})",
    en: "Late-arriving absences without information ({dates}): {learner} ({class}). Contact {whom} about all of these days by {due} and record the outcome. ({point})",
  },
  "absence.note.noneOnFile": {
    lv: "Nav reģistrēta neviena kontaktpersona, ar ko sazināties; skolas koordinators ir informēts.",
    en: "No contact to reach is on file; the school coordinator has been told.",
  },
  "absence.note.provisional": {
    lv: "Termiņš aprēķināts pēc provizoriska kalendāra.",
    en: "The deadline was counted on a provisional calendar.",
  },
  "absence.note.beyondCalendar": {
    lv: "Mācību gada kalendārs nav ielādēts: termiņš aprēķināts darba dienās.",
    en: "The school-year calendar is not loaded: the deadline was counted in working days.",
  },
  "absence.countCorrected": {
    lv: "Labojums: {learner} ({class}) neattaisnoto kavējumu skaits tagad ir {count}. Pienākums ievadīt VIIS paliek spēkā. ({point})",
    en: "Correction: {learner} ({class}) now has {count#unexcused absence|unexcused absences}. The duty to enter them in VIIS stands. ({point})",
  },
  "absence.alert.NO_CONTACT_ON_FILE": {
    lv: "{learner} ({class}): nav reģistrēta kontaktpersona ({expected}), ar ko sazināties par kavējumiem. Lūdzu, papildiniet kontaktus. ({point})",
    en: "{learner} ({class}): no contact ({expected}) is on file to reach about absences. Please add the contacts. ({point})",
  },
  "absence.alert.CALENDAR_MISSING": {
    lv: "Mācību gada kalendārs nav ielādēts: termiņi par izglītojamo {learner} ({school}) skaitīti darba dienās. Lūdzu, ievadiet kalendāru. ({point})",
    en: "The school-year calendar is not loaded: deadlines about learner {learner} ({school}) are counted in working days. Please enter the calendar. ({point})",
  },
  "absence.alert.UNKNOWN_MUNICIPALITY": {
    lv: "Izglītojamā {learner} ({school}) deklarētās dzīvesvietas pašvaldība ({code}) nav atrodama: paziņojums un nosūtījums paliek šīs pašvaldības ziņā, līdz to noskaidro. ({point})",
    en: "The municipality of learner {learner}'s ({school}) declared residence ({code}) is not on record: the notice and the referral stay with this municipality until it is found. ({point})",
  },
  "absence.calendarMissing": {
    lv: "Nākamā mācību gada ({year}) kalendārs nav ievadīts. Bez tā MK 89 termiņus pēc 1. septembra skaitīs darba dienās, nevis mācību dienās. Lūdzu, ievadiet kalendāru līdz 1. maijam.",
    en: "Next school year's calendar ({year}) has not been entered. Without it, MK 89 deadlines after 1 September are counted in working days, not school days. Please enter the calendar by 1 May.",
  },
  "absence.informed.ORPHANS_COURT": {
    lv: "Informācijai: izglītojamajam {learner} ({school}), kas ir bāriņtiesas pārziņā, ir kavējumi bez informācijas; skola sazinās ar aizbildni vai aprūpes iestādi. ({point})",
    en: "For information: learner {learner} ({school}), in the orphan's court's care, has absences without information; the school is contacting the guardian or care institution. ({point})",
  },
  "relation.MOTHER": { lv: "māte", en: "mother" },
  "relation.FATHER": { lv: "tēvs", en: "father" },
  "relation.PARENT": { lv: "vecāks", en: "parent" },
  "relation.FOSTER_FAMILY": { lv: "audžuģimene", en: "foster family" },
  "relation.GUARDIAN": { lv: "aizbildnis", en: "guardian" },
  "relation.CARE_INSTITUTION_HEAD": { lv: "aprūpes iestādes vadītājs", en: "care-institution head" },
  "relation.OTHER": { lv: "cits", en: "other" },
  "home.title": { lv: "Mani PMP uzdevumi", en: "My PMP tasks" },
  "home.cases": { lv: "Lietas, kuras vadu", en: "Cases I manage" },
  "home.noCases": { lv: "Nav atvērtu lietu.", en: "No open cases." },
  "home.case": { lv: "{ref} — {status}, {level}{deadline}", en: "{ref} — {status}, {level}{deadline}" },
  "home.deadline": { lv: "; termiņš {deadline}", en: "; due {deadline}" },
  "home.tasks": { lv: "Atvērtie uzdevumi: {count}", en: "Open tasks: {count}" },
  "home.report": {
    lv: "Ziņot par risku: {report}. Palīdzība: {help}.",
    en: "Report a risk: {report}. Help: {help}.",
  },
  "status.REPORTED": { lv: "ziņots", en: "reported" },
  "status.INVESTIGATING": { lv: "izpētē", en: "investigating" },
  "status.CONFIRMED": { lv: "apstiprināts", en: "confirmed" },
  "status.REJECTED": { lv: "noraidīts", en: "rejected" },
  "status.CLOSED": { lv: "slēgts", en: "closed" },
  "help.refPlaceholder": { lv: "atsauce", en: "ref" },
  "result.title": { lv: "Izdarīts", en: "Done" },
  "result.ok": { lv: "Labi", en: "OK" },
  "teams.form.refreshField": { lv: "Atjaunot izvēles", en: "Update the choices" },
  "teams.turnError": {
    lv: "Atvainojiet, radās kļūda; nekas netika zaudēts. Lūdzu, mēģiniet vēlreiz.",
    en: "Sorry, something went wrong; nothing was lost. Please try again.",
  },
  "home.noTasks": { lv: "Nav atvērtu uzdevumu.", en: "No open tasks." },
  "home.task": { lv: "{kind} — {subject}, termiņš {due}{state}", en: "{kind} — {subject}, due {due}{state}" },
  "home.task.OPEN": { lv: "", en: "" },
  "home.task.OVERDUE": { lv: " (nokavēts)", en: " (overdue)" },
  "home.task.ESCALATED": { lv: " (eskalēts)", en: " (escalated)" },
  "home.legalPoint": { lv: " ({point})", en: " ({point})" },
  "task.CASE_INVESTIGATION": { lv: "Lietas izpēte", en: "Case investigation" },
  "task.PARENT_CONTACT": { lv: "Sazināšanās ar vecākiem", en: "Parent contact" },
  "task.VIIS_ENTRY": { lv: "Kavējumu ievade VIIS", en: "VIIS absence entry" },
  "task.SOCIAL_SERVICE_REFERRAL": { lv: "Nosūtījums sociālajam dienestam", en: "Social-service referral" },
  "task.REFERRAL_ACKNOWLEDGEMENT": {
    lv: "Nosūtījuma saņemšanas apstiprinājums",
    en: "Referral acknowledgement",
  },
  "task.OTHER": { lv: "Uzdevums", en: "Task" },
  "details.risk": { lv: "{code} {name} ({answer})", en: "{code} {name} ({answer})" },
  "reason.CRISIS_RISK": { lv: "drošību apdraudoši riski ({risks})", en: "risks to safety ({risks})" },
  "reason.LONG_LASTING_SIGNIFICANT": {
    lv: "ilgstoši ({days} d.) būtiski riski ({risks})",
    en: "long-lasting ({days} d) significant risks ({risks})",
  },
  "reason.LOW_ATTAINMENT_PERSISTENT": {
    lv: "atkārtoti zemi vērtējumi {subjects#priekšmetā|priekšmetos}",
    en: "repeatedly low grades in {subjects#subject|subjects}",
  },
  "reason.IMMEDIATE_RISK": {
    lv: "tūlītēju intervenci prasoši riski ({risks})",
    en: "risks needing immediate intervention ({risks})",
  },
  "reason.LOW_ATTAINMENT": {
    lv: "zemi vērtējumi {subjects#priekšmetā|priekšmetos}",
    en: "low grades in {subjects#subject|subjects}",
  },
  "reason.REPEATED": { lv: "atkārtoti ziņoti riski ({risks})", en: "repeatedly reported risks ({risks})" },
  "reason.LONG_LASTING": { lv: "ilgstoši riski ({risks}, {days} d.)", en: "long-lasting risks ({risks}, {days} d)" },
  "reason.MANY_RISKS": {
    lv: "vairāki bieži novēroti riski ({risks})",
    en: "several frequently observed risks ({risks})",
  },
  "reason.FIRST_TIME_LOW": { lv: "pirmreizējs, zemas varbūtības risks", en: "first-time, low-probability risk" },
  "clears.RISKS_BELOW_OFTEN": { lv: "{risks} vairs netiek novēroti bieži", en: "{risks} no longer observed often" },
  "clears.CRISIS_RULED_OUT": {
    lv: "izpētē izslēgts apdraudējums ({risks})",
    en: "the investigation rules out the threat ({risks})",
  },
  "clears.ATTAINMENT_IMPROVES": {
    lv: "zemi vērtējumi mazāk nekā {subjects#priekšmetā|priekšmetos}",
    en: "low grades in fewer than {subjects#subject|subjects}",
  },
  "clears.NO_NEW_REPORT_UNTIL": { lv: "nav jaunu ziņojumu līdz {date}", en: "no new report until {date}" },
  "clears.FEWER_STRONG_RISKS": {
    lv: "mazāk nekā {below} bieži novēroti riski",
    en: "fewer than {below} frequently observed risks",
  },
  "alert.DELIVERY_FAILED": { lv: "Ziņojumu nevarēja piegādāt", en: "A message could not be delivered" },
  "alert.NO_ADDRESS": { lv: "Adresātam nav čata adreses", en: "A recipient has no chat address" },
  "alert.NOBODY_TO_ASSIGN": { lv: "Pienākumam nav izpildītāja", en: "A duty has nobody to do it" },
  "admin.forbidden": {
    lv: "Šī komanda ir tikai pmp-bot administratoriem.",
    en: "This command is for pmp-bot administrators only.",
  },
  "admin.trainingRequired": {
    lv: "Vispirms nepieciešama derīga datu aizsardzības apmācība.",
    en: "A current data-protection training is needed first.",
  },
  "admin.usage": {
    lv: "Lietošana: /pmp admin unlinked | link E-PASTS @LIETOTĀJS | unlink E-PASTS | channel support-team|school-coordination|municipal|commission|operations [SKOLAS KODS]",
    en: "Usage: /pmp admin unlinked | link E-MAIL @USER | unlink E-MAIL | channel support-team|school-coordination|municipal|commission|operations [SCHOOL CODE]",
  },
  "admin.noOrigin": {
    lv: "Šo komandu var izpildīt tikai čatā.",
    en: "This command can only be run from chat.",
  },
  "admin.noStaff": {
    lv: "Jūsu pašvaldībā nav darbinieka ar šo e-pastu.",
    en: "No staff member of your municipality has this e-mail.",
  },
  "admin.noSchool": {
    lv: "Norādiet savas pašvaldības skolas kodu.",
    en: "Give the code of a school of your municipality.",
  },
  "admin.unlinked": {
    lv: "Darbinieki bez čata konta šajā platformā: {count}",
    en: "Staff without a chat account on this platform: {count}",
  },
  "admin.more": { lv: "… un vēl {count}", en: "… and {count} more" },
  "admin.linked": { lv: "Piesaistīts: {who}", en: "Linked: {who}" },
  "admin.taken": {
    lv: "Šis čata konts jau piesaistīts citam darbiniekam; {who} netika piesaistīts.",
    en: "This chat account is already linked to another staff member; {who} was not linked.",
  },
  "admin.unlinkedOne": { lv: "{who}: noņemti konti: {count}", en: "{who}: accounts removed: {count}" },
  "admin.channelSet": {
    lv: "Šis kanāls tagad ir {body} ({school}) kanāls.",
    en: "This channel is now the {body} channel ({school}).",
  },
  "alert.DIRECTORY_HANDOVER": {
    lv: "Katalogā vairs nav darbinieka vai izglītojamā: darbi nodoti",
    en: "No longer in the directory: open work handed over",
  },
  "alert.DIRECTORY_IMPORT_REJECTED": {
    lv: "Nakts kataloga fails netika importēts",
    en: "A nightly directory file was not imported",
  },
  "alert.DIRECTORY_SYNC_SKIPPED": {
    lv: "Nakts kataloga sinhronizācija nenotika",
    en: "The nightly directory sync did not run",
  },
  "alert.reference": { lv: "Atsauce", en: "Reference" },
  "alert.reason": { lv: "Iemesls", en: "Reason" },
  "alert.action.DELIVERY_FAILED": {
    lv: "Pārbaudiet adresātu (kanāls arhivēts, lietotājs noņemts?) un nododiet informāciju citādi.",
    en: "Check the recipient (archived channel, removed user?) and pass the information on another way.",
  },
  "alert.action.NO_ADDRESS": {
    lv: "Piesaistiet darbiniekam čata kontu vai struktūrai kanālu pmp-bot katalogā un nododiet informāciju citādi.",
    en: "Link a chat account to the person, or a channel to the body, in the pmp-bot directory; pass the information on another way.",
  },
  "alert.action.DIRECTORY_HANDOVER": {
    lv: "Pārbaudiet, vai nodotie uzdevumi un gadījumi ir pie īstā cilvēka; ja lomai nav neviena, piešķiriet to.",
    en: "Check that the handed-over tasks and cases are with the right person; if nobody holds the role, give it to someone.",
  },
  "alert.action.DIRECTORY_IMPORT_REJECTED": {
    lv: "Palaidiet kataloga importu ar šo failu izmēģinājuma režīmā (--dry-run), izlabojiet norādītās rindas un ievietojiet failu vēlreiz; līdz tam spēkā ir iepriekšējie dati.",
    en: "Run the directory import on this file as a dry run (--dry-run), fix the lines it names and drop the file again; until then the previous data stays in force.",
  },
  "alert.action.DIRECTORY_SYNC_SKIPPED": {
    lv: "Pārbaudiet darbinieka (worker) konfigurāciju: personas datu atslēgu un kataloga mapi.",
    en: "Check the worker's configuration: the personal-data key and the directory drop folder.",
  },
  "alert.action.NOBODY_TO_ASSIGN": {
    lv: "Piešķiriet lomu kādam darbiniekam pmp-bot katalogā.",
    en: "Give the role to a staff member in the pmp-bot directory.",
  },
} satisfies Record<string, Entry>;

const MESSAGES = {
  ...CORE_MESSAGES,
  ...FAULTS_TEXTS,
  ...REPORTING_TEXTS,
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

/** The raw text of a key in a locale (with its {placeholders}), following the fallback chain. */
export function template(locale: Locale, key: MessageKey): string {
  const entry: Entry = MESSAGES[key];
  for (const candidate of FALLBACK[locale] ?? FALLBACK[DEFAULT_LOCALE]) {
    const text = entry[candidate];
    if (text !== undefined) return text;
  }
  return entry.lv;
}

/**
 * A placeholder in a text: `{name}` is replaced by its value; `{name#one|other}` (or `{name#one|other|zero}`) by the
 * number and the noun form its count takes in the locale, so "21 neattaisnots kavējums", "22 neattaisnoti kavējumi".
 */
export const PLACEHOLDER = /\{(\w+)(?:#([^{}|]*)\|([^{}|]*)(?:\|([^{}|]*))?)?\}/g;

/** The value of one placeholder match: the parameter, or the number with its noun form. */
export function placeholderValue(
  locale: Locale,
  match: RegExpMatchArray,
  value: string | number | undefined,
): string | undefined {
  const [, , one, other, zero] = match;
  if (value === undefined) return undefined;
  if (one === undefined || other === undefined) return String(value);
  return `${value} ${pluralForm(locale, Number(value), { one, other, ...(zero !== undefined ? { zero } : {}) })}`;
}

export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return template(locale, key).replace(PLACEHOLDER, (...args: string[]) => {
    const match = args.slice(0, 5) as unknown as RegExpMatchArray;
    return placeholderValue(locale, match, params[args[1]!]) ?? args[0]!;
  });
}

const PLURAL_RULES = new Map<Locale, Intl.PluralRules>();

/**
 * The noun form a count takes. Latvian agrees with the last digit: 1, 21, 101 take the singular ("kavējums"), 11
 * and everything else the plural ("kavējumi"); Intl's "zero" class (0, 10–20, 30 …) also takes the plural unless a
 * text gives a form of its own.
 */
export function pluralForm(
  locale: Locale,
  count: number,
  forms: { one: string; other: string; zero?: string },
): string {
  let rules = PLURAL_RULES.get(locale);
  if (!rules) PLURAL_RULES.set(locale, (rules = new Intl.PluralRules(DATE_LOCALE[locale] ?? DATE_LOCALE.lv)));
  const category = rules.select(count);
  if (category === "one") return forms.one;
  if (category === "zero") return forms.zero ?? forms.other;
  return forms.other;
}

/** A record's name in a locale: `{ nameLv, nameEn }` (and `nameRu` once there is one), Latvian as fallback. */
export function localName(entity: { nameLv: string; nameEn: string; nameRu?: string }, locale: Locale): string {
  const names: Partial<Record<Locale, string>> = { lv: entity.nameLv, en: entity.nameEn, ru: entity.nameRu };
  for (const candidate of FALLBACK[locale] ?? FALLBACK[DEFAULT_LOCALE]) {
    const name = names[candidate];
    if (name) return name;
  }
  return entity.nameLv;
}

const DATE_LOCALE: Record<Locale, string> = { lv: "lv-LV", en: "en-GB", ru: "ru-RU" };

/**
 * Dates and times for people in Latvia: Europe/Riga, day.month.year as Latvians write it. Latvian writes the
 * ordinal dot after the year and the time after "plkst." ("05.10.2026. plkst. 17:00"); other languages as Intl does.
 */
export function formatRigaDateTime(iso: string | Date, locale: Locale): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  const format = new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? DATE_LOCALE.lv, {
    timeZone: "Europe/Riga",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
  if (locale !== "lv") return format.format(date);
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")}.${part("month")}.${part("year")}. plkst. ${part("hour")}:${part("minute")}`;
}

/**
 * A calendar date (an ISO `yyyy-mm-dd` school day, or an instant's day in Riga) inside a sentence: "05.10.2026."
 * in Latvian, "05/10/2026" in English. Never an ISO date in a sentence.
 */
export function formatRigaDate(date: string | Date, locale: Locale): string {
  const instant =
    typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : new Date(date);
  const format = new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? DATE_LOCALE.lv, {
    timeZone: "Europe/Riga",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  // Latvian writes the ordinal dot after the year, which Intl leaves out.
  return locale === "lv" ? `${format.format(instant)}.` : format.format(instant);
}

/**
 * A class as schools name it: "7.a klase", "10. klase", "2.k kurss" (vocational), "pirmsskolas grupa" (PII); the
 * label itself when it follows none of these patterns. Never "7.a. klase".
 */
export function formatClass(label: string, locale: Locale): string {
  const trimmed = label.trim();
  const grade = /^(\d{1,2})\.?$/.exec(trimmed);
  if (grade) return locale === "lv" ? `${grade[1]}. klase` : `grade ${grade[1]}`;
  const course = /^(\d)\.?\s?k$/i.exec(trimmed);
  if (course) return locale === "lv" ? `${course[1]}. kurss` : `year ${course[1]}`;
  const parallel = /^(\d{1,2})\.?\s?([a-zāčēģīķļņšūž])$/i.exec(trimmed);
  if (parallel) return locale === "lv" ? `${parallel[1]}.${parallel[2]} klase` : `class ${parallel[1]}.${parallel[2]}`;
  if (/^PII$/i.test(trimmed)) return locale === "lv" ? "pirmsskolas grupa" : "pre-school group";
  return trimmed;
}

/**
 * A legal point as people cite it, not as the rule set names it: "MK89_P7_2" is "MK noteikumu Nr. 89 7.2. apakšpunkts"
 * ("Cabinet Regulation No. 89, sub-point 7.2"). Codes of no known form are shown as they are.
 */
export function formatLegalPoint(point: string, locale: Locale): string {
  const match = /^MK(\d+)_P(\d+)(?:_(\d+))?$/.exec(point);
  if (!match) return point;
  const [, regulation, main, sub] = match;
  if (locale === "lv")
    return sub
      ? `MK noteikumu Nr. ${regulation} ${main}.${sub}. apakšpunkts`
      : `MK noteikumu Nr. ${regulation} ${main}. punkts`;
  return sub
    ? `Cabinet Regulation No. ${regulation}, sub-point ${main}.${sub}`
    : `Cabinet Regulation No. ${regulation}, point ${main}`;
}
