/**
 * Indicator reference data for seeding the indicator registry (docs/domain.md §10; Jūrmala programme indicator tables). Plain data.
 *
 * Sources:
 *   - JURMALA_INDICATORS: the Jūrmala programme (Jūrmala PMP programme 2025–2029, council decision No. 81 of 27 Feb 2025),
 *     Tab.3 "Stratēģisko mērķu politikas rezultatīvie rādītāji". 13 numbered indicators and four
 *     unnumbered follow-up rows, coded here "2b", "6b", "9b", "13b" after the row they follow.
 *   - IKMS_PMP_INDICATORS: IKVD concept Annex 5, table P.5.1: IKMS codes relevant to PMP and whether each
 *     is an early-warning (RIS) indicator.
 *
 * Transcription rules:
 *   - Values are numbers with a decimal point (the seed writes "5,88%"); percentages stay in percent (5.88).
 *   - `baselineYear` is the period as printed: "2023", "2024" or a school year "2023/24".
 *   - A baseline or target that Jūrmala has not set is null, with the seed's wording in `baselineNote` /
 *     `targetNote` ("Mērījums tiks uzsākts 2024./2025.m.g.", "Sasniedzamie rezultāti tiks noteikti 2025. gadā").
 *   - `unit` follows the value given, not the label: rows 2 and 6 say "īpatsvars" (share) but give counts.
 *   - Only row 13b names its IKMS code (VAI003). The other codes are matched by wording to P.5.1 and marked
 *     `ikmsCodeBasis: "matchedByWording"`; `risFlag` is the P.5.1 RIS mark of that code.
 */

export type IndicatorUnit = "percent" | "count";
export type PreventionLevel = "universal" | "targeted" | "indicated";

export interface IkmsIndicator {
  code: string;
  nameLv: string;
  nameEn: string;
  /** Included in the risk-identification system (RIS) as an early-warning indicator. */
  ris: boolean;
}

export interface MunicipalIndicator {
  /** Row number in the municipality's table; "2b" etc. for the unnumbered follow-up rows. */
  code: string;
  level: PreventionLevel;
  nameLv: string;
  nameEn: string;
  unit: IndicatorUnit;
  baselineValue: number | null;
  baselineYear: string | null;
  baselineNote: string | null;
  target2027: number | null;
  target2029: number | null;
  targetNote: string | null;
  /** As printed in the "Datu avots" column; null when the column is empty. */
  dataSource: string | null;
  ikmsCode: string | null;
  ikmsCodeBasis: "stated" | "matchedByWording" | null;
  risFlag: boolean;
  /** Transcription remarks for the municipality reviewing the seeded row. */
  note: string | null;
}

// prettier-ignore
export const IKMS_PMP_INDICATORS: readonly IkmsIndicator[] = [
  { code: "VAI004", ris: false, nameLv: "Izglītojamo, kuri turpina mācības nākamajā izglītības pakāpē vai posmā, īpatsvars", nameEn: "Share continuing to the next level or stage" },
  { code: "VAI005", ris: false, nameLv: "Izglītību pametušo īpatsvars pirmajā gadā pēc izglītības turpināšanas nākamajā izglītības pakāpē vai posmā", nameEn: "Share leaving in the first year after moving to the next level" },
  { code: "VAI017", ris: false, nameLv: "Izglītojamo mainība", nameEn: "Learner turnover" },
  { code: "VAI018", ris: false, nameLv: "Izglītojamo īpatsvars, kuri priekšlaicīgi pārtraukuši mācības", nameEn: "Share of early school leavers" },
  { code: "VID007", ris: false, nameLv: "Izglītojamo, kuri nepieciešamības gadījumā saņēmuši atbalstu priekšlaicīgas mācību pārtraukšanas samazināšanai, īpatsvars", nameEn: "Share who received PMP support when needed" },
  { code: "VID003", ris: false, nameLv: "Izglītojamo, kuri piedzīvo iebiedēšanu, uzmākšanos, vardarbību, seksuālo diskrimināciju vai ļaunprātīgu izmantošanu, īpatsvars", nameEn: "Share experiencing bullying, harassment, violence, sexual discrimination or abuse" },
  { code: "VID004", ris: false, nameLv: "Izglītojamo un pedagogu piederības sajūtas līmenis izglītības iestādei", nameEn: "Learners' and teachers' sense of belonging to the school" },
  { code: "VID001", ris: false, nameLv: "Izglītojamo un pedagogu drošības sajūtas līmenis izglītības iestādē", nameEn: "Learners' and teachers' sense of safety at school" },
  { code: "VIP003", ris: false, nameLv: "Izglītības iestādes sasniedzamība", nameEn: "Accessibility of the school" },
  { code: "VAK048", ris: false, nameLv: "Izglītojamo ar augstiem un zemiem sasniegumiem īpatsvars OECD PISA pētījumā lasīšanā", nameEn: "Share of high and low achievers in OECD PISA reading" },
  { code: "VAK004", ris: true, nameLv: "Izglītojamo, kuriem ir zemi rezultāti CE (latviešu valodā, svešvalodā, matemātikā), īpatsvars", nameEn: "Share with low centralised-exam results (Latvian, foreign language, maths)" },
  { code: "VAK030", ris: true, nameLv: "Izglītojamo, kuriem ir zemi rezultāti eksāmenā (latviešu valodā, svešvalodā, matemātikā), īpatsvars", nameEn: "Share with low exam results (Latvian, foreign language, maths)" },
  { code: "VAI003", ris: true, nameLv: "Izglītojamo, kuri ir atstāti uz otro gadu tajā pašā klasē, īpatsvars", nameEn: "Share repeating a grade" },
  { code: "VAI002", ris: true, nameLv: "Izglītojamo, kuri ilgstoši bez attaisnojoša iemesla neapmeklē izglītības iestādi, īpatsvars", nameEn: "Share with long-term unjustified non-attendance" },
  { code: "VKI002", ris: false, nameLv: "Izglītojamo iesaistes līmenis ārpusklases mācību aktivitātēs, realizējot mācīšanās pieredzes un formu dažādošanu formālās izglītības ietvaros", nameEn: "Engagement in out-of-class learning activities within formal education" },
  { code: "VKI010", ris: false, nameLv: "Izglītojamo, kuri reģistrēti vismaz vienā interešu izglītības programmā, īpatsvars", nameEn: "Share registered in at least one interest-education programme" },
  { code: "VKI013", ris: false, nameLv: "Izglītojamo iesaistes līmenis karjeras izglītības aktivitātēs", nameEn: "Engagement in career-education activities" },
  { code: "VID006", ris: true, nameLv: "Izglītojamo skaits uz atbalsta personāla likmi", nameEn: "Learners per support-staff post" },
  { code: "VLA004", ris: true, nameLv: "Izglītojamo skaits uz vienu pedagoģisko likmi", nameEn: "Learners per teaching post" },
  { code: "VID005", ris: true, nameLv: "Pedagogu mainība", nameEn: "Teacher turnover" },
  { code: "VID002", ris: true, nameLv: "Sūdzības par izglītības iestādi", nameEn: "Complaints about the school" },
  { code: "VKM005", ris: false, nameLv: "Izglītojamo iesaistes līmenis izglītības procesā", nameEn: "Learner engagement in the learning process" },
  { code: "VKI035", ris: false, nameLv: "Vecāku iesaistes līmenis izglītības procesā", nameEn: "Parent engagement in the learning process" },
  { code: "VLA009", ris: false, nameLv: "Pedagogu vērtējums par savstarpēju sadarbību, motivējot izglītojamo mācīšanos", nameEn: "Teachers' rating of collaboration in motivating learning" },
  { code: "VLA019", ris: false, nameLv: "Pedagogu vērtējums par pedagogu savstarpējo sadarbību, veicot izglītojamo novērtēšanu", nameEn: "Teachers' rating of collaboration in assessing learners" },
  { code: "VAV007", ris: false, nameLv: "Vienlīdzība izglītības rezultātos", nameEn: "Equity of education outcomes" },
  { code: "VLA012", ris: false, nameLv: "Pedagogu vērtējums par atbalsta saņemšanu no izglītības iestādes vadības un citiem pedagogiem", nameEn: "Teachers' rating of support from management and colleagues" },
  { code: "VKM002", ris: false, nameLv: "Izglītības procesa kvalitātes novērtējums, ko veic izglītojamie un viņu vecāki", nameEn: "Quality of the learning process as rated by learners and parents" },
];

const MEASURED_FROM_2024_25 = "Mērījums tiks uzsākts 2024./2025.m.g.";
const TARGETS_SET_IN_2025 = "Sasniedzamie rezultāti tiks noteikti 2025. gadā";

type Row = Omit<MunicipalIndicator, "risFlag">;

const ROWS: readonly Row[] = [
  // 1. Universālā prevencija
  {
    code: "1",
    level: "universal",
    nameLv: "Izglītojamo, kuri izglītības iestādē jūtas fiziski un emocionāli droši, īpatsvars - labbūtība",
    nameEn: "Share of learners who feel physically and emotionally safe at school (wellbeing)",
    unit: "percent",
    baselineValue: 77,
    baselineYear: "2023",
    baselineNote: null,
    target2027: 80,
    target2029: 85,
    targetNote: null,
    dataSource: "Aptauja, Izglītības iestādes",
    ikmsCode: "VID001",
    ikmsCodeBasis: "matchedByWording",
    note: null,
  },
  {
    code: "2",
    level: "universal",
    nameLv: "Izglītojamo īpatsvars, kuri reģistrēti vismaz vienā interešu vai sporta izglītības programmā",
    nameEn: "Learners registered in at least one interest or sports programme",
    unit: "count",
    baselineValue: 3165,
    baselineYear: "2024",
    baselineNote: null,
    target2027: 3200,
    target2029: 3400,
    targetNote: null,
    dataSource: "VIIS",
    ikmsCode: "VKI010",
    ikmsCodeBasis: "matchedByWording",
    note: 'Nosaukumā "īpatsvars", bet vērtības ir skaits (3165).',
  },
  {
    code: "2b",
    level: "universal",
    nameLv: "Interešu izglītības programmu skaits",
    nameEn: "Number of interest-education programmes",
    unit: "count",
    baselineValue: 637,
    baselineYear: "2023",
    baselineNote: null,
    target2027: 640,
    target2029: 645,
    targetNote: null,
    dataSource: "VIIS, JIP",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: null,
  },
  {
    code: "3",
    level: "universal",
    nameLv: "Izglītojamo vecāku apmierinātība ar dalību bērnu audzināšanas atbalsta grupās, izglītības procesā",
    nameEn: "Parents' satisfaction with parenting support groups and with taking part in schooling",
    unit: "percent",
    baselineValue: null,
    baselineYear: null,
    baselineNote: MEASURED_FROM_2024_25,
    target2027: null,
    target2029: null,
    targetNote: TARGETS_SET_IN_2025,
    dataSource: "Aptauja",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: "Mērvienība nav norādīta; procenti pieņemti pēc koncepcijas parauga (IKVD koncepcija, Tab.3.1).",
  },
  {
    code: "4",
    level: "universal",
    nameLv: "Iedzīvotāju vērtējums par atbalsta pakalpojumu PMP novēršanai pieejamību pašvaldībā",
    nameEn: "Residents' rating of the availability of PMP support services",
    unit: "percent",
    baselineValue: null,
    baselineYear: null,
    baselineNote: "Mērījums nav veikts",
    target2027: null,
    target2029: null,
    targetNote: TARGETS_SET_IN_2025,
    dataSource: "Aptauja",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: "Mērvienība nav norādīta; procenti pieņemti pēc koncepcijas parauga (IKVD koncepcija, Tab.3.1).",
  },
  {
    code: "5",
    level: "universal",
    nameLv: "Izglītības iestāžu īpatsvars, kuras ievieš PMP novēršanas sistēmu",
    nameEn: "Share of schools implementing the PMP prevention system",
    unit: "percent",
    baselineValue: 45,
    baselineYear: "2023",
    baselineNote: "45% (no 9 iestādēm – 4)",
    target2027: 55,
    target2029: 70,
    targetNote: null,
    dataSource: "JIP",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: "4 no 9 ir 44,4 %; avotā noapaļots uz 45 %.",
  },

  // 2. Mērķtiecīgā prevencija
  {
    code: "6",
    level: "targeted",
    nameLv: "Izglītojamo īpatsvars, kuriem ir nodrošināti atbalsta pasākumi PMP risku novēršanai",
    nameEn: "Learners given support measures against PMP risks",
    unit: "count",
    baselineValue: 566,
    baselineYear: null,
    baselineNote: null,
    target2027: 300,
    target2029: 500,
    targetNote: null,
    dataSource: "Izglītības iestādes",
    ikmsCode: "VID007",
    ikmsCodeBasis: "matchedByWording",
    note:
      'Nosaukumā "īpatsvars", bet vērtības ir skaits. Bāzes vērtība 566 ir projekta "Pumpurs" kopsumma ' +
      "četros mācību gados (Jūrmalas programma), ne viena gada vērtība; mērķi (300, 500) pārrakstīti, kā avotā.",
  },
  {
    code: "6b",
    level: "targeted",
    nameLv: "Izglītojamie līdz 15 gadu vecumam ar zemiem mācību rezultātiem",
    nameEn: "Learners aged up to 15 with low attainment",
    unit: "percent",
    baselineValue: 5.88,
    baselineYear: "2023",
    baselineNote: null,
    target2027: 5.5,
    target2029: 5,
    targetNote: null,
    dataSource: "E-klase",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: null,
  },
  {
    code: "7",
    level: "targeted",
    nameLv:
      "Izglītojamo skaits, kuri bez attaisnojoša iemesla ilgstoši neapmeklē izglītības iestādi (% no kopējā " +
      "pamatizglītības izglītojamā skaita skolās)",
    nameEn: "Long-term unjustified non-attendance, % of basic-education learners",
    unit: "percent",
    baselineValue: 1.26,
    baselineYear: "2024",
    baselineNote: null,
    target2027: 1,
    target2029: 0.8,
    targetNote: null,
    dataSource: "VIIS",
    ikmsCode: "VAI002",
    ikmsCodeBasis: "matchedByWording",
    note: null,
  },
  {
    code: "8",
    level: "targeted",
    nameLv: "Vecāku skaits, kuri saņēmuši konsultatīvo atbalstu",
    nameEn: "Parents who received consultative support",
    unit: "count",
    baselineValue: 400,
    baselineYear: null,
    baselineNote: null,
    target2027: 450,
    target2029: 500,
    targetNote: null,
    dataSource: "Izglītības iestādes",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: null,
  },
  {
    code: "9",
    level: "targeted",
    nameLv: "Pedagogu, kuri apguvuši PMP riska grupas izglītojamo identificēšanas praksi, īpatsvars",
    nameEn: "Share of teachers trained to identify learners at PMP risk",
    unit: "percent",
    baselineValue: null,
    baselineYear: null,
    baselineNote: MEASURED_FROM_2024_25,
    target2027: null,
    target2029: null,
    targetNote: TARGETS_SET_IN_2025,
    dataSource: "JIP, Apmācību dalībnieku reģistrācijas lapas",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: null,
  },
  {
    code: "9b",
    level: "targeted",
    nameLv: "Pedagogu īpatsvars, kuri veicinājuši savu pašefektivitātes izjūtu, piedaloties supervīzijās",
    nameEn: "Share of teachers who gained self-efficacy through supervision",
    unit: "percent",
    baselineValue: null,
    baselineYear: null,
    baselineNote: MEASURED_FROM_2024_25,
    target2027: null,
    target2029: null,
    targetNote: TARGETS_SET_IN_2025,
    dataSource: "JIP, Apmācību dalībnieku reģistrācijas lapas",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: null,
  },
  {
    code: "10",
    level: "targeted",
    nameLv:
      "Izglītojamo ar īpašām vajadzībām un speciālās izglītības programmās skaits, kuriem tika sniegti atbalsta " +
      "pasākumi pamatizglītības noslēguma VPD",
    nameEn:
      "Learners with special needs or in special-education programmes given support in the final basic-education state exams",
    unit: "count",
    baselineValue: null,
    baselineYear: null,
    baselineNote: MEASURED_FROM_2024_25,
    target2027: null,
    target2029: null,
    targetNote: TARGETS_SET_IN_2025,
    dataSource: "Valsts pārbaudījumu Informācijas sistēma (VPS)",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: null,
  },
  {
    code: "11",
    level: "targeted",
    nameLv: "Palielināties saturīgās brīvā laika aktivitātēs iesaistīto jauniešu skaits",
    nameEn: "Young people in meaningful leisure activities",
    unit: "count",
    baselineValue: null,
    baselineYear: null,
    baselineNote: MEASURED_FROM_2024_25,
    target2027: null,
    target2029: null,
    targetNote: TARGETS_SET_IN_2025,
    dataSource: "JIP, JJIC",
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: null,
  },
  {
    code: "12",
    level: "targeted",
    nameLv: "Palielināties JJIC vidējais apmeklējumu daudzums dienā",
    nameEn: "Average daily visits to the youth centre (JJIC)",
    unit: "count",
    baselineValue: 22,
    baselineYear: null,
    baselineNote: null,
    target2027: 32,
    target2029: 42,
    targetNote: null,
    dataSource: null,
    ikmsCode: null,
    ikmsCodeBasis: null,
    note: "Vidējais apmeklējumu skaits dienā; datu avots tabulā nav norādīts.",
  },

  // 3. Pielāgotā prevencija
  {
    code: "13",
    level: "indicated",
    nameLv: "Priekšlaicīgas mācības pārtraukušo izglītojamo īpatsvars no kopējā izglītojamo skaits",
    nameEn: "Share of early school leavers among all learners (basic stage)",
    unit: "percent",
    baselineValue: 2.8,
    baselineYear: "2023/24",
    baselineNote: "2,8% Pamatizglītības posmā",
    target2027: 2,
    target2029: 1.2,
    targetNote: null,
    dataSource: "VIIS",
    ikmsCode: "VAI018",
    ikmsCodeBasis: "matchedByWording",
    note: "Bāzes vērtība attiecas uz pamatizglītības posmu.",
  },
  {
    code: "13b",
    level: "indicated",
    nameLv: "Izglītojamo īpatsvars, kuri atstāti uz otru gadu tajā pašā klasē (VAI003)",
    nameEn: "Share of learners repeating a grade (VAI003)",
    unit: "percent",
    baselineValue: 2.23,
    baselineYear: "2023/24",
    baselineNote: null,
    target2027: 1.5,
    target2029: 0.72,
    targetNote: null,
    dataSource: "VIIS",
    ikmsCode: "VAI003",
    ikmsCodeBasis: "stated",
    note: null,
  },
];

const risByCode = new Map(IKMS_PMP_INDICATORS.map((i) => [i.code, i.ris]));

export const JURMALA_INDICATORS: readonly MunicipalIndicator[] = ROWS.map((row) => ({
  ...row,
  risFlag: row.ikmsCode ? (risByCode.get(row.ikmsCode) ?? false) : false,
}));

export function ikmsIndicatorByCode(code: string): IkmsIndicator | undefined {
  return IKMS_PMP_INDICATORS.find((i) => i.code === code);
}
