/**
 * The catalogue of 100 PMP-prevention activities in 17 categories, for seeding the resource directory
 * (IKVD concept support-activity catalogue; docs/domain.md §7). Plain data: no database access.
 *
 * Source: the IKVD concept ("PMP prevencijas koncepcija", 2023):
 *   - Annex 6, table P.6.1: the three prevention levels and 17 categories, with the risk groups each
 *     category addresses ("Riski: …");
 *   - Annex 7, table P.7.1: the 100 activities and the risk groups each one affects (`riskGroups`);
 *   - Annex 8, table P.8.1: resources needed (human / support / funding), how often the activity runs
 *     (`frequency`) and its direct beneficiary (`beneficiaries`).
 *
 * Transcription notes:
 *   - Codes are normalised to "level.category.item". Annex 7 prints categories 3.3 and 3.5 as "7.3.x" and
 *     "7.5.x", and Annex 8 prints category 2.2 as "2.1.x"; both are typos in the source.
 *   - Names follow Annex 7, except 3.2.1 ("Jaunatnes darbinieka", as in Annexes 6 and 8, not "Jauniešu"),
 *     3.4.1 (Annex 6's "Ar izglītības iegūšanu saistīto izdevumu kompensācija" for Annex 7/8's bare
 *     "Kompensācijas") and 3.5.11 (Annex 8's fuller wording).
 *   - Annex 8 marks no resource at all for 3.5.8; it is kept empty rather than guessed.
 *   - `indicativeRiskCodes` is ours, not a table of the seed: the risks whose P.1.1 column 3 ("kavējošie,
 *     mazinošie faktori") names this kind of measure, e.g. "pretvardarbības programmu … īstenošana" for #7 and #8
 *     → 1.1.2. It is limited to the activity's Annex 7 risk groups and left empty where P.1.1 names no such
 *     measure; the seed-data test checks every code exists. Annex 7 itself notes that no data-based impact
 *     assessment exists, so treat both links as guidance for choosing measures, not evidence.
 *
 * Codes of risks are the classifier's (workflows/domain/risk-catalogue.ts); they are repeated here as strings
 * because prisma/ does not import workflows/.
 */

export type PreventionLevel = "universal" | "targeted" | "indicated";
/** A = school environment, B = personality, C = economic, D = family (risk-catalogue.ts). */
export type RiskGroupCode = "A" | "B" | "C" | "D";
/** Annex 8 resource sets: cilvēkresursi, atbalsts, finansējums (the last = needs additional funding). */
export type ActivityResource = "human" | "support" | "funding";
/** Annex 8 "laiks": vienreizēji / atkārtoti / pastāvīgi / pēc vajadzības (no activity is one-off). */
export type ActivityFrequency = "oneOff" | "repeated" | "permanent" | "asNeeded";
/** Annex 8 "attiecinājuma vienība": the direct beneficiary. */
export type ActivityBeneficiary =
  "learner" | "family" | "teacher" | "schoolManagement" | "groupOrClass" | "school" | "municipality";

export interface SupportActivityCategory {
  /** "1.1" … "3.5". */
  code: string;
  level: PreventionLevel;
  nameLv: string;
  nameEn: string;
  /** Annex 6 "Riski:" line. */
  riskGroups: readonly RiskGroupCode[];
  ordering: number;
}

export interface SupportActivity {
  /** "1.1.1" … "3.5.11". */
  code: string;
  categoryCode: string;
  level: PreventionLevel;
  nameLv: string;
  nameEn: string;
  riskGroups: readonly RiskGroupCode[];
  resources: readonly ActivityResource[];
  frequency: ActivityFrequency;
  beneficiaries: readonly ActivityBeneficiary[];
  /** Specific risks (classifier codes) this activity answers; see the header. */
  indicativeRiskCodes: readonly string[];
  ordering: number;
}

export const PREVENTION_LEVELS: readonly {
  level: PreventionLevel;
  number: 1 | 2 | 3;
  nameLv: string;
  nameEn: string;
}[] = [
  { level: "universal", number: 1, nameLv: "Universālā prevencija", nameEn: "Universal prevention" },
  { level: "targeted", number: 2, nameLv: "Mērķtiecīgā prevencija", nameEn: "Targeted prevention" },
  { level: "indicated", number: 3, nameLv: "Pielāgotā prevencija", nameEn: "Indicated prevention" },
];

const LEVEL_BY_DIGIT: Record<string, PreventionLevel> = { "1": "universal", "2": "targeted", "3": "indicated" };

function levelOf(code: string): PreventionLevel {
  const level = LEVEL_BY_DIGIT[code.charAt(0)];
  if (!level) throw new RangeError(`No prevention level for code ${code}`);
  return level;
}

type CategoryRow = Omit<SupportActivityCategory, "level" | "ordering">;

// prettier-ignore
const CATEGORY_ROWS: readonly CategoryRow[] = [
  { code: "1.1", nameLv: "Droša un iekļaujoša mācību vide", nameEn: "Safe and inclusive learning environment", riskGroups: ["A", "B"] },
  { code: "1.2", nameLv: "Nodrošinātas organizētas un saturīgas brīvā laika pavadīšanas iespējas", nameEn: "Organised, meaningful leisure opportunities", riskGroups: ["A", "B"] },
  { code: "1.3", nameLv: "Vecāku izglītošana un līdzdalības izglītības procesā veicināšana", nameEn: "Parent education and participation in schooling", riskGroups: ["A", "B", "D"] },
  { code: "1.4", nameLv: "Pasākumi sociālekonomisko risku novēršanai sabiedrībā", nameEn: "Preventing socio-economic risks in the community", riskGroups: ["C", "D"] },
  { code: "1.5", nameLv: "Sabiedrības informēšana un iesaiste", nameEn: "Public information and engagement", riskGroups: ["A", "B", "C", "D"] },
  { code: "2.1", nameLv: "Agrīnas prevencijas pasākumi", nameEn: "Early prevention", riskGroups: ["A", "B", "D"] },
  { code: "2.2", nameLv: "Mērķtiecīgi atbalsta pasākumi PMP riskam pakļautajiem izglītojamajiem", nameEn: "Targeted support for at-risk learners", riskGroups: ["A", "B"] },
  { code: "2.3", nameLv: "Mērķtiecīga sadarbība ar PMP riskam pakļauto izglītojamo vecākiem", nameEn: "Targeted cooperation with at-risk learners' parents", riskGroups: ["A", "B", "D"] },
  { code: "2.4", nameLv: "Mērķtiecīgi atbalsta pasākumi pedagogiem, kuri strādā ar PMP riskam pakļautiem izglītojamajiem", nameEn: "Targeted support for teachers of at-risk learners", riskGroups: ["A"] },
  { code: "2.5", nameLv: "Preventīvs darbs ar sociālā riska ģimenēm", nameEn: "Preventive work with families at social risk", riskGroups: ["D"] },
  { code: "2.6", nameLv: "Sociālie pakalpojumi izglītojamajiem ar speciālām vajadzībām", nameEn: "Social services for learners with special needs", riskGroups: ["A", "B"] },
  { code: "2.7", nameLv: "Darbs ar jaunatni (PMP riska jaunieši)", nameEn: "Youth work with at-risk young people", riskGroups: ["A", "B", "D"] },
  { code: "3.1", nameLv: "Individuālas konsultācijas augsta PMP riska izglītojamajiem", nameEn: "Individual consultations for high-risk learners", riskGroups: ["A", "B", "D"] },
  { code: "3.2", nameLv: "Neformālās izglītības programmas u. c. atbalsts augsta PMP riska jauniešiem", nameEn: "Non-formal education and other support for high-risk young people", riskGroups: ["A", "B", "D"] },
  { code: "3.3", nameLv: "Atbalsts pedagogiem un izglītības iestādes vadībai, kas strādā ar augsta PMP riska izglītojamajiem", nameEn: "Support for teachers and school management working with high-risk learners", riskGroups: ["A"] },
  { code: "3.4", nameLv: "Ekonomiska atbalsta pasākumi augsta PMP riska izglītojamajiem un to ģimenēm", nameEn: "Economic support for high-risk learners and their families", riskGroups: ["C"] },
  { code: "3.5", nameLv: "Sociālais atbalsts augsta PMP riska izglītojamajiem un to ģimenēm", nameEn: "Social support for high-risk learners and their families", riskGroups: ["B", "D"] },
];

export const SUPPORT_ACTIVITY_CATEGORIES: readonly SupportActivityCategory[] = CATEGORY_ROWS.map((row, i) => ({
  ...row,
  level: levelOf(row.code),
  ordering: i + 1,
}));

type ActivityRow = Omit<SupportActivity, "categoryCode" | "level" | "ordering">;
const a = (row: ActivityRow): ActivityRow => row;

// prettier-ignore
const ACTIVITY_ROWS: readonly ActivityRow[] = [
  // 1.1
  a({ code: "1.1.1", nameLv: "Drošas izglītības iestādes politika", nameEn: "Safe-school policy", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: ["A06", "A07", "A14", "A16"] }),
  a({ code: "1.1.2", nameLv: "Programmas vardarbības novēršanai izglītības iestādēs", nameEn: "Violence-prevention programmes in schools", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: ["A07", "A08"] }),
  a({ code: "1.1.3", nameLv: "Programmas sociāli emocionālo prasmju pilnveidei un emocionālās labbūtības stiprināšanai", nameEn: "Social-emotional skills and emotional wellbeing programmes", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "repeated", beneficiaries: ["school"], indicativeRiskCodes: ["A08"] }),
  a({ code: "1.1.4", nameLv: "Emocionālās drošības un labsajūtas monitorings", nameEn: "Monitoring of emotional safety and wellbeing", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "1.1.5", nameLv: "Atbalsta speciālisti, t. sk. pedagogu palīgi", nameEn: "Support specialists, incl. teaching assistants", riskGroups: ["A", "B"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: ["A13"] }),
  a({ code: "1.1.6", nameLv: "Karjeras izglītība", nameEn: "Career education", riskGroups: ["A", "B"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  a({ code: "1.1.7", nameLv: "“Visas skolas pieeja”", nameEn: "Whole-school approach", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "1.1.8", nameLv: "Aktīvas mācīšanās pieejas īstenošana", nameEn: "Active-learning approach", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "1.1.9", nameLv: "Pedagogu profesionālā pilnveide (iekļaujoša pieeja, motivēšana u. c.)", nameEn: "Teacher professional development (inclusion, motivation, etc.)", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "repeated", beneficiaries: ["school"], indicativeRiskCodes: ["A12", "A15", "A16"] }),
  a({ code: "1.1.10", nameLv: "Mācību vides un aprīkojuma pielāgošana iekļaujošai izglītībai", nameEn: "Adapting the learning environment and equipment for inclusive education", riskGroups: ["A", "B"], resources: ["funding"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  // 1.2
  a({ code: "1.2.1", nameLv: "Interešu izglītība, profesionālās ievirzes izglītība, pulciņi, sporta treniņi", nameEn: "Interest education, vocational-orientation education, clubs, sports training", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: ["B36"] }),
  a({ code: "1.2.2", nameLv: "Pagarinātās dienas grupas", nameEn: "After-school (extended-day) groups", riskGroups: ["A", "B"], resources: ["human"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "1.2.3", nameLv: "Neformālā izglītība", nameEn: "Non-formal education", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: ["B30", "B31", "B36"] }),
  a({ code: "1.2.4", nameLv: "Darbs ar jaunatni, jauniešu iniciatīvu projekti", nameEn: "Youth work, youth-initiative projects", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.2.5", nameLv: "Jauniešu brīvprātīgais darbs", nameEn: "Youth volunteering", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.2.6", nameLv: "Skolēnu vasaras nodarbinātība", nameEn: "Summer employment for pupils", riskGroups: ["A", "B"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.2.7", nameLv: "Nometnes, vasaras skolas, radošās darbnīcas", nameEn: "Camps, summer schools, creative workshops", riskGroups: ["A", "B"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.2.8", nameLv: "Dienas centri, spēļu istabas", nameEn: "Day centres, playrooms", riskGroups: ["A", "B"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.2.9", nameLv: "Sporta pasākumi", nameEn: "Sports events", riskGroups: ["A", "B"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.2.10", nameLv: "Visiem pieejama āra sporta un rotaļu infrastruktūra", nameEn: "Outdoor sports and play infrastructure open to all", riskGroups: ["A", "B"], resources: ["funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.2.11", nameLv: "Droša pilsētvide", nameEn: "Safe urban environment", riskGroups: ["A", "B"], resources: ["funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  // 1.3
  a({ code: "1.3.1", nameLv: "Izglītojošas lekcijas vecāku sapulcēs, izglītības iestādē", nameEn: "Educational talks at parents' meetings and in schools", riskGroups: ["A", "B", "D"], resources: ["human"], frequency: "repeated", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "1.3.2", nameLv: "Regulāras vecāku dienas izglītības iestādēs", nameEn: "Regular parents' days at school", riskGroups: ["A", "B", "D"], resources: ["human"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "1.3.3", nameLv: "Dažādas iniciatīvas, kas palīdz ģimenēm vadīt bērnu mācīšanos (semināri, kursi, lekcijas)", nameEn: "Initiatives helping families guide children's learning (seminars, courses, lectures)", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "repeated", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.3.4", nameLv: "Atbalsta personāla profesionālā pilnveide par darbu ar izglītojamo ģimenēm", nameEn: "Support-staff training on working with learners' families", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "repeated", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "1.3.5", nameLv: "Pieaugušo neformālās izglītības pasākumi par bērnu audzināšanu", nameEn: "Adult non-formal education on parenting", riskGroups: ["A", "B", "D"], resources: ["funding"], frequency: "repeated", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.3.6", nameLv: "Sociāli emocionālo prasmju programmas pieaugušajiem", nameEn: "Social-emotional skills programmes for adults", riskGroups: ["A", "B", "D"], resources: ["funding"], frequency: "repeated", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.3.7", nameLv: "Izglītojoši pasākumi vecākiem bērnu vecumposmu īpatnību izpratnei, disciplinēšanas metožu apgūšanai, t. sk. Bērnu emocionālā audzināšana, Ceļvedis, audzinot pusaudzi, nodarbības jaunajiem/topošajiem vecākiem, bēbīšu skoliņas u. tml.", nameEn: "Parent education on child development stages and discipline methods (e.g. Emotional Upbringing of Children, Guide to Raising a Teenager, classes for new and expectant parents, baby schools)", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  // 1.4
  a({ code: "1.4.1", nameLv: "Sociālā palīdzība ģimenēm ar bērniem", nameEn: "Social assistance for families with children", riskGroups: ["C", "D"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: ["C41", "D47", "D54"] }),
  a({ code: "1.4.2", nameLv: "Sociālā darba pakalpojums ģimenēm ar bērniem", nameEn: "Social work service for families with children", riskGroups: ["C", "D"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: ["D47", "D54"] }),
  a({ code: "1.4.3", nameLv: "Mērķēts atbalsts ģimenēm ar bērniem", nameEn: "Targeted support for families with children", riskGroups: ["C", "D"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.4.4", nameLv: "Atbalsta instrumenti mājokļa pieejamībai un kvalitātes uzlabošanai", nameEn: "Housing affordability and quality support", riskGroups: ["C", "D"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.4.5", nameLv: "Agrīnas bērnu aprūpes un pirmsskolas izglītības pakalpojumi", nameEn: "Early childcare and pre-school education services", riskGroups: ["C", "D"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.4.6", nameLv: "Veselības aprūpes pakalpojumi", nameEn: "Health-care services", riskGroups: ["C", "D"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  // 1.5
  a({ code: "1.5.1", nameLv: "PMP tematikas aktualizēšana vietēja un nacionāla līmeņa plašsaziņas līdzekļos", nameEn: "Raising PMP topics in local and national media", riskGroups: ["A", "B", "C", "D"], resources: ["funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.5.2", nameLv: "Kopienas sadarbības projekti", nameEn: "Community cooperation projects", riskGroups: ["A", "B", "C", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "1.5.3", nameLv: "Labās prakses piemēru popularizēšana sabiedrībai kopumā", nameEn: "Promoting good-practice examples to the public", riskGroups: ["A", "B", "C", "D"], resources: ["funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  // 2.1
  a({ code: "2.1.1", nameLv: "Atbalsta programmas pirmsskolas vecuma bērniem (izglītības jomā)", nameEn: "Support programmes for pre-school children (in education)", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "2.1.2", nameLv: "Atbalsta speciālisti pirmsskolā", nameEn: "Support specialists in pre-school", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  a({ code: "2.1.3", nameLv: "Lasītprasmes veicināšanas programmas", nameEn: "Literacy programmes", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "2.1.4", nameLv: "Bērnu agrīnās attīstības izvērtēšana (BAASIK u. c.)", nameEn: "Early child-development assessment (BAASIK etc.)", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  a({ code: "2.1.5", nameLv: "Atbalsta programmas bērniem ar uzvedības grūtībām (Stop 4–7 u. c.)", nameEn: "Programmes for children with behavioural difficulties (Stop 4–7 etc.)", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "2.1.6", nameLv: "Atbalsts bērniem agrīnā vecumā un to ģimenēm, mazinot iespējamus un pastāvošus attīstības, veselības, vides, sociālos u. c. riskus, bērnu attīstības un labbūtības veicināšanai", nameEn: "Support for young children and their families against developmental, health, environmental, social and other risks", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  // 2.2
  a({ code: "2.2.1", nameLv: "Atbalsta speciālistu konsultācijas", nameEn: "Support-specialist consultations", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["A01", "A02", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A14", "A17", "B18", "B19", "B20", "B21", "B22", "B23", "B24", "B25", "B26", "B27", "B28", "B29", "B30", "B31", "B33", "B34", "B36", "B37", "B39", "B40"] }),
  a({ code: "2.2.2", nameLv: "Konsultatīvs atbalsts/uzticības persona izglītības iestādē (piemēram, klases audzinātājs)", nameEn: "Counselling support / trusted adult at school (e.g. the class teacher)", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  a({ code: "2.2.3", nameLv: "Individuālas un grupu konsultācijas mācību priekšmetu apguvē", nameEn: "Individual and group subject consultations", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["A01", "A03", "A04", "A05", "B18", "B32", "B35", "B37", "B39"] }),
  a({ code: "2.2.4", nameLv: "Izglītības tehnoloģijas individuālas pieejas nodrošināšanā", nameEn: "Educational technology for an individual approach", riskGroups: ["A", "B"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  // 2.3
  a({ code: "2.3.1", nameLv: "Pārrunas ar klases audzinātāju, sociālo pedagogu u. tml.", nameEn: "Talks with the class teacher, social pedagogue, etc.", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["family"], indicativeRiskCodes: ["A02", "A11", "A17", "B24", "B27", "B28", "B29", "B30", "B31", "B32", "B40", "D47", "D51", "D52", "D54", "D56", "D57", "D58", "D59", "D60", "D63", "D65", "D66"] }),
  a({ code: "2.3.2", nameLv: "Psihologa konsultācijas vecākiem", nameEn: "Psychologist consultations for parents", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "2.3.3", nameLv: "Vecāku prasmju pilnveides kursi", nameEn: "Parenting-skills courses", riskGroups: ["A", "B", "D"], resources: ["human", "funding"], frequency: "repeated", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "2.3.4", nameLv: "Informācija par atbalsta iespējām PMP riska izglītojamajiem un to vecākiem", nameEn: "Information on support available to at-risk learners and their parents", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  // 2.4
  a({ code: "2.4.1", nameLv: "PMP risku monitorings un analīze", nameEn: "PMP risk monitoring and analysis", riskGroups: ["A"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["school"], indicativeRiskCodes: [] }),
  a({ code: "2.4.2", nameLv: "Pedagogu profesionālā pilnveide par PMP prevenciju", nameEn: "Teacher professional development on PMP prevention", riskGroups: ["A"], resources: ["human", "support"], frequency: "repeated", beneficiaries: ["school"], indicativeRiskCodes: ["A12", "A15", "A16"] }),
  a({ code: "2.4.3", nameLv: "Psihoemocionālais atbalsts", nameEn: "Psycho-emotional support", riskGroups: ["A"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["teacher"], indicativeRiskCodes: [] }),
  a({ code: "2.4.4", nameLv: "Supervīzijas", nameEn: "Supervision", riskGroups: ["A"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["teacher"], indicativeRiskCodes: [] }),
  // 2.5
  a({ code: "2.5.1", nameLv: "Risku monitorings", nameEn: "Risk monitoring", riskGroups: ["D"], resources: ["human", "funding"], frequency: "permanent", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "2.5.2", nameLv: "Sociālā darbinieka konsultācijas", nameEn: "Social-worker consultations", riskGroups: ["D"], resources: ["human"], frequency: "permanent", beneficiaries: ["family"], indicativeRiskCodes: ["D47", "D53", "D58", "D61", "D62"] }),
  a({ code: "2.5.3", nameLv: "Atbalsta grupas vecākiem", nameEn: "Support groups for parents", riskGroups: ["D"], resources: ["human"], frequency: "repeated", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "2.5.4", nameLv: "Agrīnas intervences pakalpojums", nameEn: "Early-intervention service", riskGroups: ["D"], resources: ["human"], frequency: "permanent", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "2.5.5", nameLv: "Izglītojošas nodarbības vecāku prasmju attīstīšanai", nameEn: "Classes developing parenting skills", riskGroups: ["D"], resources: ["human"], frequency: "repeated", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  // 2.6
  a({ code: "2.6.1", nameLv: "Atbalsta speciālisti", nameEn: "Support specialists", riskGroups: ["A", "B"], resources: ["human"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["B19", "B20", "B21", "B22", "B26", "B37"] }),
  a({ code: "2.6.2", nameLv: "Pavadonis", nameEn: "Escort", riskGroups: ["A", "B"], resources: ["human"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["B37"] }),
  a({ code: "2.6.3", nameLv: "Asistents", nameEn: "Assistant", riskGroups: ["A", "B"], resources: ["human"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["B37"] }),
  a({ code: "2.6.4", nameLv: "Specializētais transports", nameEn: "Specialised transport", riskGroups: ["A", "B"], resources: ["support"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["B37"] }),
  a({ code: "2.6.5", nameLv: "Surdotulks", nameEn: "Sign-language interpreter", riskGroups: ["A", "B"], resources: ["human"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["B37"] }),
  a({ code: "2.6.6", nameLv: "Tehniskie palīglīdzekļi", nameEn: "Technical aids", riskGroups: ["A", "B"], resources: ["support"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["B37"] }),
  a({ code: "2.6.7", nameLv: "Pielāgoti mācību materiāli", nameEn: "Adapted learning materials", riskGroups: ["A", "B"], resources: ["support"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: ["B19", "B20", "B21", "B22", "B26", "B37"] }),
  // 2.7
  a({ code: "2.7.1", nameLv: "Jauniešu neformālās izglītības programmas PMP riska grupai", nameEn: "Youth non-formal education programmes for the PMP risk group", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: ["B30", "B31", "B36"] }),
  a({ code: "2.7.2", nameLv: "Atbalsts “jaunietis – jaunietim”", nameEn: "Peer support (\"young person to young person\")", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  a({ code: "2.7.3", nameLv: "Dažādas atbalsta programmas jauniešiem", nameEn: "Various support programmes for young people", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  a({ code: "2.7.4", nameLv: "Darbs ar PMP riska jauniešiem jauniešu centros", nameEn: "Work with at-risk young people in youth centres", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  // 3.1
  a({ code: "3.1.1", nameLv: "Konsultācijas mācību priekšmetu apguvē", nameEn: "Subject consultations", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: ["A01", "A03", "A04", "A05", "B18", "B32", "B35", "B37", "B39"] }),
  a({ code: "3.1.2", nameLv: "Atbalsta speciālistu konsultācijas (pedagogs, psihologs, sociālais pedagogs, pedagoga palīgs, speciālās izglītības pedagogs, surdotulks, asistents, ergoterapeits, karjeras konsultants)", nameEn: "Support-specialist consultations (teacher, psychologist, social pedagogue, teaching assistant, special-education teacher, sign interpreter, assistant, occupational therapist, career counsellor)", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: ["A01", "A02", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A14", "A17", "B18", "B19", "B20", "B21", "B22", "B23", "B24", "B25", "B26", "B27", "B28", "B29", "B30", "B31", "B33", "B34", "B36", "B37", "B39", "B40", "D48", "D49", "D50", "D51", "D52", "D53", "D54", "D55", "D58", "D61", "D62", "D64", "D65"] }),
  a({ code: "3.1.3", nameLv: "Konsultatīvs atbalsts (uzticības persona izglītības iestādē)", nameEn: "Counselling support (trusted adult at school)", riskGroups: ["A", "B", "D"], resources: ["human", "support"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  a({ code: "3.1.4", nameLv: "Mentora atbalsts", nameEn: "Mentor support", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  a({ code: "3.1.5", nameLv: "Grupu nodarbības (terapeitiskās grupas, atbalsta grupas)", nameEn: "Group sessions (therapeutic groups, support groups)", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "asNeeded", beneficiaries: ["municipality"], indicativeRiskCodes: [] }),
  a({ code: "3.1.6", nameLv: "Medicīnas personāla konsultācijas (neirologs, psihiatrs, psihoterapeits, narkologs u. c.)", nameEn: "Medical consultations (neurologist, psychiatrist, psychotherapist, addiction specialist, etc.)", riskGroups: ["A", "B", "D"], resources: ["human"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: ["B29"] }),
  // 3.2
  a({ code: "3.2.1", nameLv: "Jaunatnes darbinieka individuāls darbs ar PMP riska jaunieti", nameEn: "Youth worker's individual work with an at-risk young person", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  a({ code: "3.2.2", nameLv: "Jaunatnes iniciatīvu projekti augsta PMP riska jauniešiem", nameEn: "Youth-initiative projects for high-risk young people", riskGroups: ["A", "B", "D"], resources: ["human", "support", "funding"], frequency: "repeated", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  a({ code: "3.2.3", nameLv: "Koučings", nameEn: "Coaching", riskGroups: ["A", "B", "D"], resources: ["human", "funding"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  a({ code: "3.2.4", nameLv: "Terapeitiskas grupas jauniešiem", nameEn: "Therapeutic groups for young people", riskGroups: ["A", "B", "D"], resources: ["human"], frequency: "permanent", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  a({ code: "3.2.5", nameLv: "Mentors/uzticības persona", nameEn: "Mentor / trusted adult", riskGroups: ["A", "B", "D"], resources: ["human"], frequency: "permanent", beneficiaries: ["learner"], indicativeRiskCodes: [] }),
  a({ code: "3.2.6", nameLv: "Programmas jauniešu pašvērtējuma, vērtību un attieksmes maiņai", nameEn: "Programmes changing young people's self-esteem, values and attitudes", riskGroups: ["A", "B", "D"], resources: ["human"], frequency: "repeated", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  a({ code: "3.2.7", nameLv: "Piedzīvojumu terapija", nameEn: "Adventure therapy", riskGroups: ["A", "B", "D"], resources: ["human", "funding"], frequency: "repeated", beneficiaries: ["groupOrClass"], indicativeRiskCodes: [] }),
  // 3.3
  a({ code: "3.3.1", nameLv: "Iespēja saņemt profesionālu padomu konkrētu PMP gadījumu risināšanā", nameEn: "Professional advice on specific PMP cases", riskGroups: ["A"], resources: ["human", "support"], frequency: "permanent", beneficiaries: ["teacher", "schoolManagement"], indicativeRiskCodes: [] }),
  a({ code: "3.3.2", nameLv: "Mediācija", nameEn: "Mediation", riskGroups: ["A"], resources: ["human", "funding"], frequency: "asNeeded", beneficiaries: ["teacher", "schoolManagement"], indicativeRiskCodes: [] }),
  a({ code: "3.3.3", nameLv: "Supervīzijas", nameEn: "Supervision", riskGroups: ["A"], resources: ["funding"], frequency: "permanent", beneficiaries: ["teacher", "schoolManagement"], indicativeRiskCodes: [] }),
  // 3.4
  a({ code: "3.4.1", nameLv: "Ar izglītības iegūšanu saistīto izdevumu kompensācija", nameEn: "Compensation of education-related costs", riskGroups: ["C"], resources: ["funding"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: ["C41", "C43", "C44"] }),
  a({ code: "3.4.2", nameLv: "Transporta nodrošināšana", nameEn: "Provision of transport", riskGroups: ["C"], resources: ["funding"], frequency: "asNeeded", beneficiaries: ["learner"], indicativeRiskCodes: ["C41", "C43"] }),
  // 3.5
  a({ code: "3.5.1", nameLv: "Psihologa konsultācijas vecākiem", nameEn: "Psychologist consultations for parents", riskGroups: ["B", "D"], resources: ["human", "support", "funding"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "3.5.2", nameLv: "Psihoterapijas konsultācijas ģimenēm", nameEn: "Psychotherapy consultations for families", riskGroups: ["B", "D"], resources: ["human", "support", "funding"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "3.5.3", nameLv: "Sociālā darbinieka konsultācijas", nameEn: "Social-worker consultations", riskGroups: ["B", "D"], resources: ["human", "support"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: ["B38", "B40", "D47", "D53", "D58", "D61", "D62"] }),
  a({ code: "3.5.4", nameLv: "Atbalsta grupas", nameEn: "Support groups", riskGroups: ["B", "D"], resources: ["human"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "3.5.5", nameLv: "Sociālā rehabilitācija atkarību mazināšanai, no vardarbības cietušajiem, vardarbības veicējiem, personām ar speciālām vajadzībām u. c.", nameEn: "Social rehabilitation (addiction, victims and perpetrators of violence, persons with special needs, etc.)", riskGroups: ["B", "D"], resources: ["human"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: ["B21", "B28", "B29"] }),
  a({ code: "3.5.6", nameLv: "Krīzes/ģimenes centra atbalsts", nameEn: "Crisis / family centre support", riskGroups: ["B", "D"], resources: ["human"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "3.5.7", nameLv: "Atkarību profilakses un ārstēšanas pakalpojumi", nameEn: "Addiction prevention and treatment services", riskGroups: ["B", "D"], resources: ["human"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: ["B29"] }),
  a({ code: "3.5.8", nameLv: "Garīgās veselības aprūpes pakalpojumi", nameEn: "Mental-health care services", riskGroups: ["B", "D"], resources: [], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "3.5.9", nameLv: "Ģimenes asistenta pakalpojums", nameEn: "Family assistant service", riskGroups: ["B", "D"], resources: ["human"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "3.5.10", nameLv: "Mediācija", nameEn: "Mediation", riskGroups: ["B", "D"], resources: ["human", "funding"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
  a({ code: "3.5.11", nameLv: "Vecāku prasmju pilnveides kursi (par bērnu audzināšanu, disciplinēšanu u. tml.)", nameEn: "Parenting-skills courses (upbringing, discipline, etc.)", riskGroups: ["B", "D"], resources: ["human", "funding"], frequency: "asNeeded", beneficiaries: ["family"], indicativeRiskCodes: [] }),
];

export const SUPPORT_ACTIVITIES: readonly SupportActivity[] = ACTIVITY_ROWS.map((row, i) => ({
  ...row,
  categoryCode: row.code.split(".").slice(0, 2).join("."),
  level: levelOf(row.code),
  ordering: i + 1,
}));

export function activitiesInCategory(categoryCode: string): readonly SupportActivity[] {
  return SUPPORT_ACTIVITIES.filter((act) => act.categoryCode === categoryCode);
}

/** Activities whose Annex 7 groups include the risk's group, those naming the risk itself first. */
export function activitiesForRisk(riskCode: string): readonly SupportActivity[] {
  const group = riskCode.charAt(0) as RiskGroupCode;
  const specific = SUPPORT_ACTIVITIES.filter((act) => act.indicativeRiskCodes.includes(riskCode));
  const general = SUPPORT_ACTIVITIES.filter(
    (act) => act.riskGroups.includes(group) && !act.indicativeRiskCodes.includes(riskCode),
  );
  return [...specific, ...general];
}
