/**
 * The PMP (early-school-leaving) risk classifier: 66 risks in 4 groups.
 *
 * Source: the IKVD concept ("PMP prevencijas koncepcija", 2023), Annex 1 table P.1.1 "PMP risku klasifikators un
 * raksturojums": risk names (column 2) and the measures that reduce them (column 3, `measuresLv`).
 * English names are the project's translation (docs/domain.md §4); `measuresEn` paraphrases the "Measures"
 * column. Flags come from the concept's §1.2 and its "PAR ĪPAŠI NOZĪMĪGIEM RISKIEM" box; legacy groups from
 * the Pumpurs form (IKVD concept Tab.1.3) and Jūrmala's IAP statistics (Jūrmala programme Tab.1.1).
 *
 * Codes: group letter + the Concept's own two-digit number, "A01"…"A17", "B18"…"B40", "C41"…"C46",
 * "D47"…"D66". The number is the one printed in P.1.1, so codes stay stable and readable next to the source;
 * the letter makes the group visible in chat and logs. "Cits" (other, free text) is "<group>00".
 *
 * Latvian text is transcribed from P.1.1 with three normalisations: line breaks joined; "(speciālas
 * vajadzības)" in #26 spelled "speciālās" like #19–22; in measures, "pedagogu tālākizglītības" (#16) read as
 * "tālākizglītība" and "sadarbība ar ģimenei" (#40) as "ar ģimeni".
 *
 * Answer kind: the Pumpurs form splits factors into those scored by frequency (0 nav novērots / 1 reti /
 * 2 bieži / 3 vienmēr) and those that "either are or are not" (NĒ/JĀ) [IKVD concept Tab.1.3], but the form itself is not
 * in the seeds. Our rule: a risk is yes/no when it is a status or a fact that is either on record or not
 * (a diagnosis or special-needs status, disability, pregnancy, immigrant status, conviction, out-of-family
 * care, household facts, something that has happened); it is a frequency when it is behaviour or a situation
 * whose manifestation can be rare or constant. Each choice is visible in the table below.
 *
 * Pure data and lookups; safe in Temporal workflows.
 */
import { z } from "zod";

export const RISK_GROUP_CODES = ["A", "B", "C", "D"] as const;
export type RiskGroupCode = (typeof RISK_GROUP_CODES)[number];

/** Groups 1–4 of the Pumpurs risk-assessment form, APUIS and older municipal reports (docs/domain.md §4). */
export type LegacyPumpursGroup = 1 | 2 | 3 | 4;

export type RiskAnswerKind = "frequency" | "yesNo";

/** Every risk code, in Concept order; spelled out so that `RiskCode` is an exact union. */
// prettier-ignore
export const RISK_CODES = [
  "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A12", "A13", "A14", "A15", "A16", "A17",
  "B18", "B19", "B20", "B21", "B22", "B23", "B24", "B25", "B26", "B27", "B28", "B29", "B30", "B31", "B32", "B33", "B34", "B35", "B36", "B37", "B38", "B39", "B40",
  "C41", "C42", "C43", "C44", "C45", "C46",
  "D47", "D48", "D49", "D50", "D51", "D52", "D53", "D54", "D55", "D56", "D57", "D58", "D59", "D60", "D61", "D62", "D63", "D64", "D65", "D66",
] as const;
export type RiskCode = (typeof RISK_CODES)[number];

/** The groups' "Cits" (other) answers, which carry free text instead of a score. */
export const OTHER_RISK_CODES = ["A00", "B00", "C00", "D00"] as const;
export type OtherRiskCode = (typeof OTHER_RISK_CODES)[number];

export interface RiskGroup {
  code: RiskGroupCode;
  nameLv: string;
  nameEn: string;
  /** Heading of the group in P.1.1. */
  headingLv: string;
  /** The legacy Pumpurs group this group corresponds to (1 ≈ A, 2 ≈ B, 3 = C, 4 = D). */
  legacyGroup: LegacyPumpursGroup;
  /** First and last risk number of the group. */
  numbers: readonly [number, number];
  /** Code for the group's "Cits" (other) answer, which carries free text. */
  otherCode: OtherRiskCode;
  ordering: number;
}

export interface Risk {
  /** Stable code, e.g. "A01"; see the header. */
  code: RiskCode;
  /** Number 1–66 as printed in P.1.1. */
  number: number;
  groupCode: RiskGroupCode;
  /** Full name as in P.1.1. */
  nameLv: string;
  /** The short label used in docs/domain.md §4 (e.g. "(SV)" for special needs); fits chat buttons. */
  shortNameLv: string;
  nameEn: string;
  answerKind: RiskAnswerKind;
  /** Needs immediate intervention at every school stage [IKVD concept §1.2]. */
  immediateIntervention: boolean;
  /** Very high impact in basic and secondary school, also needing immediate intervention [IKVD concept §1.2]. */
  verySignificant: boolean;
  /** In the "especially significant" box [IKVD concept]; our mapping of its six themes onto risk numbers. */
  especiallyImportant: boolean;
  /** Marked "(speciālās vajadzības)" in P.1.1. */
  specialNeeds: boolean;
  /** Pumpurs group for reading legacy data; usually the group's, see LEGACY_GROUP_EXCEPTIONS. */
  legacyGroup: LegacyPumpursGroup;
  /** P.1.1 column 3: measures that hinder or reduce the risk. */
  measuresLv: string;
  measuresEn: string;
}

export const RISK_GROUPS: readonly RiskGroup[] = [
  {
    code: "A",
    nameLv: "Skolas vides riski",
    nameEn: "School-environment risks",
    headingLv: "Skolas vides risku grupa",
    legacyGroup: 1,
    numbers: [1, 17],
    otherCode: "A00",
    ordering: 1,
  },
  {
    code: "B",
    nameLv: "Personības riski",
    nameEn: "Personality risks",
    headingLv: "Personības risku grupa",
    legacyGroup: 2,
    numbers: [18, 40],
    otherCode: "B00",
    ordering: 2,
  },
  {
    code: "C",
    nameLv: "Ekonomiskie riski",
    nameEn: "Economic risks",
    headingLv: "Ekonomisko risku grupa",
    legacyGroup: 3,
    numbers: [41, 46],
    otherCode: "C00",
    ordering: 3,
  },
  {
    code: "D",
    nameLv: "Ar ģimeni saistītie riski",
    nameEn: "Family-related risks",
    headingLv: "Ar ģimeni saistīto risku grupa",
    legacyGroup: 4,
    numbers: [47, 66],
    otherCode: "D00",
    ordering: 4,
  },
];

export interface LegacyPumpursGroupInfo {
  number: LegacyPumpursGroup;
  nameLv: string;
  nameEn: string;
  /** Concept group it is read as. 1 and 2 are approximate: see docs/domain.md §4. */
  mapsTo: RiskGroupCode;
  exact: boolean;
}

/** Names as on the Pumpurs form [IKVD concept Tab.1.3]. */
export const LEGACY_PUMPURS_GROUPS: readonly LegacyPumpursGroupInfo[] = [
  {
    number: 1,
    nameLv: "Ar mācību darbu vai izglītības iestādes vidi saistītie riski",
    nameEn: "Learning and school-environment risks",
    mapsTo: "A",
    exact: false,
  },
  {
    number: 2,
    nameLv: "Sociālās vides un veselības riski",
    nameEn: "Social-environment and health risks",
    mapsTo: "B",
    exact: false,
  },
  { number: 3, nameLv: "Ekonomiskie riski", nameEn: "Economic risks", mapsTo: "C", exact: true },
  { number: 4, nameLv: "Ar ģimeni saistītie riski", nameEn: "Family-related risks", mapsTo: "D", exact: true },
];

/**
 * Risks that legacy data files under a different group than their Concept group. Jūrmala's Pumpurs statistics
 * list "Valodas barjera" under group 1 (learning), not group 2 [Jūrmala programme Tab.1.1].
 */
export const LEGACY_GROUP_EXCEPTIONS: Readonly<Record<number, LegacyPumpursGroup>> = { 35: 1 };

/** The Pumpurs frequency scale [IKVD concept Tab.1.3]. */
export const FREQUENCY_SCALE = [
  { value: 0, labelLv: "nav novērots", labelEn: "not observed" },
  { value: 1, labelLv: "reti", labelEn: "rarely" },
  { value: 2, labelLv: "bieži", labelEn: "often" },
  { value: 3, labelLv: "vienmēr", labelEn: "always" },
] as const;

/** The Pumpurs yes/no scale: "NĒ – konkrētā riska nav, JĀ – šāds risks ir vienmēr" [IKVD concept Tab.1.3]. */
export const YES_NO_SCALE = [
  { value: false, labelLv: "NĒ", labelEn: "no" },
  { value: true, labelLv: "JĀ", labelEn: "yes" },
] as const;

// Flags, by Concept number, with the wording they come from.

/** "zems mācību sniegums, mācību kavējumi, otrgadniecība, zems ģimenes sociālekonomiskais stāvoklis un vecāku
 * sociāli emocionālā nekompetence" — in every stage, "prasa tūlītēju intervenci". */
const IMMEDIATE_INTERVENTION = new Set([1, 2, 4, 47, 55]);
/** "konflikti ar pedagogiem, problemātiska sadarbība ar ģimeni, … atkarību pieredze, kognitīvo spēju ierobežojumi,
 * sodāmība/antisociāla uzvedība, kā arī vecāku neiesaistīšanās mācību procesā" — basic and secondary school. */
const VERY_SIGNIFICANT = new Set([6, 9, 29, 22, 34, 27, 58]);
/** "(1) kavējumi; (2) zems mācību sniegums; (3) zema motivācija un piederības izjūta skolai …; (4) uzvedības
 * problēmas; (5) vecāku atbalsta un (6) sadarbības trūkums ar izglītības iestādi". Behaviour problems are read as
 * #21 and #27; lack of cooperation as both the school-side (#9) and the family-side (#60) risk. */
const ESPECIALLY_IMPORTANT = new Set([2, 1, 17, 11, 21, 27, 58, 9, 60]);

type RiskRow = [
  number: number,
  nameLv: string,
  shortNameLv: string | null,
  nameEn: string,
  answerKind: RiskAnswerKind,
  measuresLv: string,
  measuresEn: string,
];

const F: RiskAnswerKind = "frequency";
const Y: RiskAnswerKind = "yesNo";

// Recurrent phrases of P.1.1 column 3.
const PS = "Atbalsta personāla (psihologs, sociālais pedagogs) konsultācijas";
const PSY = "Atbalsta personāla (psihologs) konsultācijas";
const FAMILY = "sadarbība ar izglītojamā ģimeni";
const EXT = "sadarbība ar ārpusskolas institūcijām";
const RULES = "izglītības iestādes iekšējo kārtības noteikumu un disciplīnas metožu maiņa";
const CPD = "Pedagogu tālākizglītība, metodoloģiskais atbalsts";

// prettier-ignore
const ROWS: readonly RiskRow[] = [
  // A. Skolas vides riski
  [1, "Zems mācību sniegums", null, "Low attainment", F,
    "Pedagogu konsultācijas, atbalsta personāla (psihologs, sociālais pedagogs) konsultācijas, mācību motivācijas paņēmienu paplašināšana, laika pagarinājumi mācību parādu nokārtošanai",
    "Teacher consultations, psychologist/social-pedagogue consultations, motivation techniques, extra time for learning debts"],
  [2, "Neattaisnoti mācību kavējumi", null, "Unjustified absences", F,
    "Atbalsta personāla (psihologs, sociālais pedagogs) konsultācijas, iesaistes motivācijas paņēmienu paplašināšana, sadarbība ar sociālo dienestu un izglītojamā ģimeni",
    "Psychologist/social-pedagogue consultations, engagement techniques, cooperation with the social service and the family"],
  [3, "Iekavēta mācību satura apguve", null, "Learning backlog", F,
    "Pedagogu konsultācijas, laika pagarinājumi mācību parādu nokārtošanai",
    "Teacher consultations, time extensions for learning debts"],
  [4, "Otrgadniecība", null, "Grade repetition", Y,
    "Pedagogu konsultācijas, atbalsta personāla (psihologs, sociālais pedagogs, speciālās izglītības pedagogs) konsultācijas, mācību motivācijas paņēmienu paplašināšana, laika pagarinājumi mācību parādu nokārtošanai",
    "Teacher consultations, psychologist/social-pedagogue/special-education consultations, motivation techniques, time extensions"],
  [5, "Grūtības mācību satura apguvē", null, "Learning difficulties", F,
    "Pedagogu konsultācijas, mācību traucējumu diagnostikas pasākumi, atbalsta personāla (psihologs, sociālais pedagogs, speciālās izglītības pedagogs) konsultācijas",
    "Teacher consultations, learning-disorder diagnostics, psychologist/social-pedagogue/special-education consultations"],
  [6, "Konflikti ar pedagogiem", null, "Conflict with teachers", F,
    `${PS}, ${RULES}`,
    "Psychologist/social-pedagogue consultations, change of school rules and discipline methods"],
  [7, "Konflikti ar vienaudžiem", null, "Conflict with peers", F,
    `${PS}, ${RULES}, pretvardarbības programmu un pasākumu īstenošana`,
    "Psychologist/social-pedagogue consultations, school rules, anti-violence programmes"],
  [8, "Pret izglītojamo vērsta vardarbība/ņirgāšanās/izstumšana", null, "Violence / bullying / exclusion", F,
    `${PS}, pedagogu darbs ar klasi kopumā (sociāli emocionālās kompetences attīstīšana), sociālā rehabilitācija, pretvardarbības programmu un pasākumu īstenošana`,
    "Psychologist/social-pedagogue consultations, whole-class social-emotional work, social rehabilitation, anti-violence programmes"],
  [9, "Problemātiska izglītības iestādes un ģimenes sadarbība", null, "Poor school–family cooperation", F,
    `${PS}, ${EXT}`,
    "Psychologist/social-pedagogue consultations, cooperation with out-of-school institutions"],
  [10, "Liela slodze (mācību darbs/interešu izglītība/profesionālā ievirze)", null, "Overload", F,
    `${PSY} (atbalsts laika plānošanā un mērķu strukturēšanā)`,
    "Psychologist consultations (time planning, structuring goals)"],
  [11, "Zema piederības izjūta skolai/klasei", null, "Low belonging", F,
    `${PS}, ${FAMILY}`,
    "Psychologist/social-pedagogue consultations, cooperation with the family"],
  [12, "Zema pedagogu kompetence darbā ar PMP", null, "Low teacher competence", F,
    CPD,
    "Teacher CPD, methodological support"],
  [13, "Nepietiekams atbalsta resurss izglītības iestādē", null, "Insufficient support resources", F,
    "Atbalsta personāla slodžu/budžeta palielināšana, atbalsta personāla tālākizglītība",
    "More support-staff hours or budget, support-staff training"],
  [14, "Neefektīva skolas iekļaujošā kultūra", null, "Weak inclusive culture", F,
    "Izglītības iestādes iekšējo kārtības noteikumu pārskatīšana, atbalsta personāla (psihologs) konsultācijas",
    "Review of school rules, psychologist consultations"],
  [15, "Neefektīva klasvadība", null, "Weak classroom management", F,
    CPD,
    "Teacher CPD, methodological support"],
  [16, "Neefektīva pedagogu un izglītības iestādes vadības sadarbība PMP risku novēršanā", null, "Weak teacher–management cooperation", F,
    "Izglītības iestādes iekšējo kārtības noteikumu pārskatīšana, pedagogu tālākizglītība, metodoloģiskais atbalsts",
    "Review of school rules, teacher CPD, methodological support"],
  [17, "Zema motivācija censties un iegūt izglītību", null, "Low motivation", F,
    `${PS}, ${FAMILY}`,
    "Psychologist/social-pedagogue consultations, cooperation with the family"],

  // B. Personības riski
  [18, "Vecuma neatbilstība izglītības pakāpei", null, "Over-age for level", Y,
    "Pedagogu konsultācijas, atbalsta personāla (speciālās izglītības pedagogs u. c. pēc nepieciešamības) konsultācijas, mācību traucējumu diagnostikas pasākumi",
    "Teacher consultations, special-education consultations, diagnostics"],
  [19, "Mācīšanās traucējumi (speciālās vajadzības)", "Mācīšanās traucējumi (SV)", "Learning disorders", Y,
    "Atbalsta personāla (psihologs, logopēds, speciālais pedagogs/speciālais izglītības pedagogs, pedagoga palīgs) konsultācijas, mācību traucējumu diagnostikas pasākumi, individuāls izglītības programmas apguves plāns",
    "Psychologist, speech therapist, special-education teacher, teaching assistant, diagnostics, individual learning plan"],
  [20, "Emocionālie traucējumi (speciālās vajadzības)", "Emocionālie traucējumi (SV)", "Emotional disorders", Y,
    "Atbalsta personāla (psihologs, speciālais pedagogs/speciālais izglītības pedagogs) konsultācijas, mācību traucējumu diagnostikas pasākumi",
    "Psychologist, special-education teacher, diagnostics"],
  [21, "Uzvedības traucējumi (speciālās vajadzības)", "Uzvedības traucējumi (SV)", "Behaviour disorders", Y,
    "Atbalsta personāla (psihologs, speciālais pedagogs/speciālais izglītības pedagogs) konsultācijas, mācību traucējumu diagnostikas pasākumi, sociālā rehabilitācija (individuāls uzvedības korekcijas plāns)",
    "Psychologist, special-education teacher, diagnostics, individual behaviour-correction plan"],
  [22, "Ierobežotas kognitīvās spējas (speciālās vajadzības)", "Ierobežotas kognitīvās spējas (SV)", "Limited cognition", Y,
    "Atbalsta personāla (speciālās izglītības pedagogs u. c. pēc nepieciešamības), mācību traucējumu diagnostikas pasākumi, individuāls izglītības programmas apguves plāns",
    "Special-education teacher, diagnostics, individual learning plan"],
  [23, "Paaugstinātas kognitīvās spējas", null, "Gifted", Y,
    `Mācību plāna pielāgošana izglītojamā spējām, atbalsta personāla (psihologs) konsultācijas`,
    "Curriculum adapted to ability, psychologist consultations"],
  [24, "Specifiskas personības iezīmes", null, "Specific traits", Y,
    `${PSY}, ${FAMILY}`,
    "Psychologist consultations, cooperation with the family"],
  [25, "Pašdisciplīnas, sociāli emocionālās kompetences trūkums", null, "Lack of self-discipline / SEL", F,
    PSY,
    "Psychologist consultations"],
  [26, "Garīgās attīstības traucējumi (speciālās vajadzības)", "Garīgās attīstības traucējumi (SV)", "Intellectual disability", Y,
    `Atbalsta personāla (speciālais izglītības pedagogs/speciālais pedagogs, pedagoga palīgs, logopēds) atbalsts un konsultācijas, ${EXT}, individuāls izglītības programmas apguves plāns`,
    "Special-education teacher, teaching assistant, speech therapist, out-of-school institutions, individual learning plan"],
  [27, "Antisociāla uzvedība", null, "Antisocial behaviour", F,
    `${PSY}, ${FAMILY}, ${EXT}`,
    "Psychologist, family, out-of-school institutions"],
  [28, "Vardarbības pieredze", null, "Experienced violence", Y,
    `${PSY}, ${FAMILY}, ${EXT}, sociālās rehabilitācijas plāns`,
    "Psychologist, family, out-of-school institutions, social-rehabilitation plan"],
  [29, "Atkarību pieredze", null, "Addiction", Y,
    `${PSY}, ${FAMILY}, ${EXT}, ārstēšana (pēc nepieciešamības), sociālās rehabilitācijas plāns`,
    "Psychologist, family, out-of-school institutions, treatment if needed, social-rehabilitation plan"],
  [30, "Piederība augsta riska vienaudžu grupai (skolā vai ārpus tās)", "Piederība augsta riska vienaudžu grupai", "High-risk peer group", F,
    `${PSY}, ${FAMILY}, ${EXT}, neformālās izglītības projekti`,
    "Psychologist, family, out-of-school institutions, non-formal education projects"],
  [31, "Augsta sociālā aktivitāte ārpus skolas", null, "High social activity outside school", F,
    `${PSY}, ${FAMILY}, ${EXT}, neformālās izglītības projekti`,
    "Psychologist, family, out-of-school institutions, non-formal education projects"],
  [32, "Veselības problēmas/ilgstoša slimība", null, "Health / long illness", Y,
    "Sadarbība ar izglītojamā ģimeni, pedagogu konsultācijas, pašorganizācijas un pašdisciplīnas prasmju attīstīšana (iespējams, kopā ar psihologu)",
    "Family, teacher consultations, self-organisation skills"],
  [33, "Atkārtota izglītības iestāžu maiņa", null, "Repeated school changes", Y,
    PS,
    "Psychologist/social-pedagogue consultations"],
  [34, "Iepriekšēja sodāmība", null, "Prior conviction", Y,
    `${PS}, ${EXT}, pedagoģiskais atbalsts`,
    "Psychologist/social-pedagogue consultations, out-of-school institutions, pedagogical support"],
  [35, "Valodas barjera", null, "Language barrier", F,
    "Pedagogu konsultācijas",
    "Teacher consultations"],
  [36, "Nav iesaistīts ārpusskolas aktivitātēs (interešu, profesionālās ievirzes izglītība, amatiermāksla u. tml.)", "Nav iesaistīts ārpusskolas aktivitātēs", "No out-of-school activities", Y,
    "Neformālās izglītības projekti, atbalsta personāla (psihologs, sociālais pedagogs) konsultācijas, individuāls izglītības programmas apguves plāns (ja nepieciešams)",
    "Non-formal education, psychologist/social-pedagogue consultations, individual learning plan if needed"],
  [37, "Invaliditāte", null, "Disability", Y,
    "Pedagogu un atbalsta personāla konsultācijas un atbalsts (speciālās izglītības pedagogs, logopēds, asistents, surdotulks, ergoterapeits)",
    "Special-education teacher, speech therapist, assistant, sign interpreter, occupational therapist"],
  [38, "Grūtniecība/ir bērns", null, "Pregnant / parent", Y,
    "Individuāls pedagoģiskais atbalsts, bērnu uzraudzības pakalpojumi, sadarbība ar ārpusskolas institūcijām (piemēram, pašvaldības sociālo dienestu)",
    "Individual pedagogical support, childcare, social service"],
  [39, "Imigranta statuss", null, "Immigrant", Y,
    `Pedagogu konsultācijas, atbalsta personāla (psihologs, pedagoga palīgs, sociālais pedagogs) konsultācijas, ${EXT}`,
    "Teacher consultations, psychologist, teaching assistant, social pedagogue, out-of-school institutions"],
  [40, "Agrīni pieaugušā pienākumi", null, "Early adult duties", F,
    `${PS}, sadarbība ar ģimeni, sadarbība ar ārpusskolas institūcijām (sociālais dienests), pašorganizācijas un pašdisciplīnas prasmju attīstīšana (iespējams, kopā ar sociālo pedagogu un psihologu)`,
    "Psychologist/social-pedagogue consultations, family, social service, self-organisation skills"],

  // C. Ekonomiskie riski
  [41, "Nepietiekami finansiālie resursi pamatvajadzību nodrošināšanai", null, "Basic needs unmet", F,
    "Ekonomiskā atbalsta pasākumi (ēdināšana, naktsmītnes, transports, individuālās lietošanas priekšmeti un mācību līdzekļi)",
    "Economic aid: meals, lodging, transport, personal items, learning materials"],
  [42, "Izglītojamais strādā", null, "Learner works", Y,
    "Pašorganizācijas un pašdisciplīnas prasmju attīstīšana (iespējams, kopā ar psihologu)",
    "Self-organisation skills (with a psychologist)"],
  [43, "Apgrūtināta nokļūšana izglītības iestādē", null, "Hard to reach school", F,
    "Ekonomiskā atbalsta pasākumi (transports, naktsmītnes)",
    "Transport, lodging"],
  [44, "Ģimene nevar nodrošināt individuālos mācību līdzekļus", null, "No learning materials", F,
    "Ekonomiskā atbalsta pasākumi (individuālie mācību līdzekļi)",
    "Provide learning materials"],
  [45, "Mājās nav pieejas internetam", null, "No home internet", Y,
    "Informatīvs atbalsts par interneta pieejas iespējām, pieeja datoram un interneta pieslēgumam skolā mājasdarbu un individuālo darbu veikšanai, individuāla darbu plānošana (darbu, kam nepieciešama pieeja internetam, aizvietošana ar citiem uzdevumiem)",
    "Information on internet access, computer and internet at school, alternative tasks"],
  [46, "Izglītojamajam ir kredītsaistības", null, "Learner has debts", Y,
    PSY,
    "Psychologist consultations"],

  // D. Ar ģimeni saistītie riski
  [47, "Zems ģimenes sociālekonomiskais statuss", null, "Low SES", Y,
    `Sadarbība ar ārpusskolas institūcijām (sociālais dienests), ${FAMILY}, ekonomiskā un sociālā atbalsta pasākumi (pēc vajadzības)`,
    "Social service, family, economic and social aid"],
  [48, "Augsta ģimenes mobilitāte", null, "High mobility", Y,
    `${PSY}, ${EXT}`,
    "Psychologist, out-of-school institutions"],
  [49, "Vecāki atrodas ilgstošā prombūtnē", null, "Parents long absent", Y,
    `${PS}, ${EXT} (ja nav aizbildņa)`,
    "Psychologist/social-pedagogue consultations; out-of-school institutions if there is no guardian"],
  [50, "Aizņemti vecāki", null, "Busy parents", F,
    PS,
    "Psychologist/social-pedagogue consultations"],
  [51, "Zems vecāku izglītības līmenis", null, "Low parental education", Y,
    `${PS}, ${FAMILY}`,
    "Psychologist/social-pedagogue consultations, family"],
  [52, "Zema vecāku kompetences izjūta", null, "Low parental self-efficacy", F,
    `${PS}, ${FAMILY}`,
    "Psychologist/social-pedagogue consultations, family"],
  [53, "Destruktīva ģimene", null, "Destructive family", F,
    `${PS}, sadarbība ar ārpusskolas institūcijām (sociālais dienests, bāriņtiesa, bērnu tiesību aizsardzības speciālisti)`,
    "Psychologist/social-pedagogue consultations; social service, orphan's court, child-rights specialists"],
  [54, "Vecāku invaliditāte", null, "Parental disability", Y,
    `${PS}, ${FAMILY}, ekonomiskā un sociālā atbalsta pasākumi (pēc vajadzības)`,
    "Psychologist/social-pedagogue consultations, family, economic and social aid"],
  [55, "Sociāli emocionālās kompetences trūkums (socializācija no ģimenes puses)", null, "SEL deficit from family", F,
    "Atbalsta personāla (psihologs, sociālais pedagogs, speciālais pedagogs) konsultācijas",
    "Psychologist, social pedagogue, special-education teacher"],
  [56, "Daudzbērnu ģimene", null, "Large family", Y,
    "Sadarbība ar izglītojamā ģimeni",
    "Cooperation with the family"],
  [57, "Izglītībai ģimenē zema vērtība", null, "Education not valued", F,
    "Sadarbība ar izglītojamā ģimeni",
    "Cooperation with the family"],
  [58, "Vecāki neatbalsta izglītojamo mācību procesā", null, "No parental support", F,
    `${PS}, sadarbība ar ģimeni, ārpusskolas institūciju iesaiste (sociālais dienests, bāriņtiesa u. c.)`,
    "Psychologist/social-pedagogue consultations, family; social service, orphan's court"],
  [59, "Apgrūtināta ģimenes sasniedzamība", null, "Family hard to reach", F,
    `Sadarbība ar izglītojamā ģimeni, ${EXT}`,
    "Family, out-of-school institutions"],
  [60, "Neefektīva ģimenes un izglītības iestādes komunikācija un sadarbība", null, "Poor family–school communication", F,
    `Sadarbība ar izglītojamā ģimeni, ${EXT}`,
    "Family, out-of-school institutions"],
  [61, "Ģimenē ir atkarības problēmas", null, "Addiction in family", Y,
    `${PS}, sadarbība ar ārpusskolas institūcijām (sociālais dienests)`,
    "Psychologist/social-pedagogue consultations, social service"],
  [62, "Vardarbība ģimenē", null, "Domestic violence", Y,
    `${PS}, sadarbība ar ārpusskolas institūcijām (sociālais dienests)`,
    "Psychologist/social-pedagogue consultations, social service"],
  [63, "Citi ģimenes locekļi ir priekšlaicīgi pārtraukuši mācības", null, "Relatives dropped out", Y,
    "Sadarbība ar izglītojamā ģimeni",
    "Cooperation with the family"],
  [64, "Izglītojamais ievietots ārpusģimenes aprūpes iestādē", null, "In out-of-family care", Y,
    `${PS}, ${EXT}`,
    "Psychologist/social-pedagogue consultations, out-of-school institutions"],
  [65, "Pāraprūpe", null, "Over-protection", F,
    `${PS}, ${FAMILY}`,
    "Psychologist/social-pedagogue consultations, family"],
  [66, "Ģimene izvairās no sadarbības ar sociālajām institūcijām", null, "Avoids social institutions", F,
    `Sadarbība ar izglītojamā ģimeni, ${EXT}`,
    "Family, out-of-school institutions"],
];

function groupOfNumber(n: number): RiskGroup {
  const group = RISK_GROUPS.find((g) => n >= g.numbers[0] && n <= g.numbers[1]);
  if (!group) throw new RangeError(`Risk number out of range: ${n}`);
  return group;
}

function codeOf(group: RiskGroupCode, n: number): RiskCode {
  const code = `${group}${String(n).padStart(2, "0")}`;
  if (!(RISK_CODES as readonly string[]).includes(code)) throw new RangeError(`No such risk code: ${code}`);
  return code as RiskCode;
}

export const RISKS: readonly Risk[] = ROWS.map(
  ([number, nameLv, shortNameLv, nameEn, answerKind, measuresLv, measuresEn]) => {
    const group = groupOfNumber(number);
    return {
      code: codeOf(group.code, number),
      number,
      groupCode: group.code,
      nameLv,
      shortNameLv: shortNameLv ?? nameLv,
      nameEn,
      answerKind,
      immediateIntervention: IMMEDIATE_INTERVENTION.has(number),
      verySignificant: VERY_SIGNIFICANT.has(number),
      especiallyImportant: ESPECIALLY_IMPORTANT.has(number),
      specialNeeds: nameLv.includes("(speciālās vajadzības)"),
      legacyGroup: LEGACY_GROUP_EXCEPTIONS[number] ?? group.legacyGroup,
      measuresLv,
      measuresEn,
    };
  },
);

const byCode = new Map<string, Risk>(RISKS.map((r) => [r.code, r]));
const groupByCode = new Map<string, RiskGroup>(RISK_GROUPS.map((g) => [g.code, g]));

export function isRiskCode(value: unknown): value is RiskCode {
  return typeof value === "string" && byCode.has(value);
}

export function isOtherRiskCode(value: unknown): value is OtherRiskCode {
  return typeof value === "string" && (OTHER_RISK_CODES as readonly string[]).includes(value);
}

export function riskByCode(code: string): Risk | undefined {
  return byCode.get(code);
}

/** Accepts 1–66 as printed in the Concept. */
export function riskByNumber(number: number): Risk | undefined {
  return RISKS[number - 1];
}

export function riskGroupByCode(code: string): RiskGroup | undefined {
  return groupByCode.get(code);
}

export function risksInGroup(group: RiskGroupCode): readonly Risk[] {
  return RISKS.filter((r) => r.groupCode === group);
}

/** The Concept group a legacy Pumpurs group number is read as. */
export function conceptGroupOfLegacy(legacy: LegacyPumpursGroup): RiskGroupCode {
  const info = LEGACY_PUMPURS_GROUPS.find((g) => g.number === legacy);
  if (!info) throw new RangeError(`Unknown legacy Pumpurs group: ${legacy}`);
  return info.mapsTo;
}

/** The group an "other" code belongs to ("B00" → "B"). */
export function groupOfOtherCode(code: OtherRiskCode): RiskGroupCode {
  return code.charAt(0) as RiskGroupCode;
}

export const riskCodeSchema = z.custom<RiskCode>(isRiskCode, { error: "Unknown PMP risk code" });
export const otherRiskCodeSchema = z.custom<OtherRiskCode>(isOtherRiskCode, { error: "Unknown 'Cits' risk code" });

/** One answer on a risk form: a frequency 0–3, a yes/no, or a group's "Cits" with free text. */
export const riskAnswerSchema = z.union([
  z
    .object({ code: riskCodeSchema, frequency: z.literal([0, 1, 2, 3]) })
    .refine((a) => riskByCode(a.code)?.answerKind === "frequency", {
      error: "This risk is answered yes/no",
      path: ["frequency"],
    }),
  z.object({ code: riskCodeSchema, present: z.boolean() }).refine((a) => riskByCode(a.code)?.answerKind === "yesNo", {
    error: "This risk is answered with a frequency 0–3",
    path: ["present"],
  }),
  z.object({ code: otherRiskCodeSchema, text: z.string().trim().min(1).max(500) }),
]);
export type RiskAnswer = z.output<typeof riskAnswerSchema>;
