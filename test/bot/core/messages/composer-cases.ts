// Realistic inputs for every composer, in every language: the table the composer-wide tests run over.

import type { Locale } from "../../../../bot/core/i18n.js";
import { composeContacts } from "../../../../bot/core/messages/composers/absence-contacts.js";
import {
  composeAbsenceAgenda,
  composeAbsenceAlert,
  composeAbsenceCountCorrected,
  composeAbsenceCourtInformed,
  composeAbsenceInformed,
  composeCalendarMissing,
  composeCatchUpContactTask,
  composeAbsenceOverdue,
  composeAbsenceReminder,
  composeAcknowledgementTask,
  composeParentContactTask,
  composeReferralTask,
  composeViisTask,
} from "../../../../bot/core/messages/composers/absence-messages.js";
import { composeCaseDetails } from "../../../../bot/core/messages/composers/case-details.js";
import {
  composeCaseCard,
  composeCaseConfirmed,
  composeCaseOverdue,
  composeCaseRejected,
  composeCaseReminder,
  composeCaseRouted,
  composeManagerMessage,
  composeReporterOutcome,
  type CaseSummary,
} from "../../../../bot/core/messages/composers/case-messages.js";
import { composeDecisionForm } from "../../../../bot/core/messages/composers/forms/decision-form.js";
import { composeReportStep1, composeReportStep2 } from "../../../../bot/core/messages/composers/forms/report-form.js";
import { composeStepTextForm } from "../../../../bot/core/messages/composers/forms/step-text-form.js";
import { composeHelp } from "../../../../bot/core/messages/composers/help.js";
import { composeHome } from "../../../../bot/core/messages/composers/home.js";
import { composeOperatorAlert } from "../../../../bot/core/messages/composers/operator-alert.js";
import { composeResult, type Result } from "../../../../bot/core/messages/composers/results.js";
import type { Form } from "../../../../bot/core/messages/forms.js";
import type { Message } from "../../../../bot/core/messages/model.js";
import type { CaseDetails } from "../../../../bot/core/view-case.js";
import { RISK_GROUPS, RISKS } from "../../../../workflows/domain/risk-catalogue.js";

export const CASE_ID = "3a7e1c9d-8b2f-4e6a-9c1d-5f0b2a4e6c8d";
export const LEARNER_ID = "6f1d0b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
export const REF = "PMP-2025-0007";

/** The learner behind the fixtures: the name and personal code must never appear in any message or form. */
export const LEARNER = {
  code: "L-482913",
  initials: "J.Ē.",
  firstName: "Jānis",
  lastName: "Ēriņš",
  personalCode: "120310-21234",
  publicRef: "LRN-7K2Q-9XZD",
};

/** Where a message goes decides what it may say about the learner. */
export type Audience =
  /** Shared channels and anyone outside the learner's school: the case or public reference only. */
  | "BY_REFERENCE"
  /** The responsible person at the learner's school (absence tasks) or an entitled role (case details). */
  | "RESPONSIBLE";

export interface ComposerCase {
  name: string;
  audience: Audience;
  compose: (locale: Locale) => Message | Form;
}

const summary = (locale: Locale): CaseSummary => ({
  caseId: CASE_ID,
  ref: REF,
  level: "INDICATED",
  groups: RISK_GROUPS.map((g) => (locale === "en" ? g.nameEn : g.nameLv)),
  deadline: "2025-03-14T10:00:00.000Z",
});
const learnerLabel = { code: LEARNER.code, classLabel: "7.a", schoolName: "Demo vidusskola" };
const step = { learnerId: LEARNER_ID, stepKey: "2025/26:1:PARENT_CONTACT:2025-10-06" };
const due = "2025-10-06T14:00:00.000Z";

/** Every risk at once, with triage reasons of every kind: the longest case details there are. */
export const fullDetails: CaseDetails = {
  ref: REF,
  status: "INVESTIGATING",
  level: null,
  learner: { code: LEARNER.code, initials: LEARNER.initials, classLabel: "7.a" },
  caseManager: "Inese Grava",
  deadline: new Date("2025-03-14T10:00:00.000Z"),
  reports: 3,
  firstReportAt: new Date("2025-03-01T08:00:00.000Z"),
  risks: RISKS.map((r, i) => ({
    code: r.code,
    nameLv: r.shortNameLv,
    nameEn: r.nameEn,
    frequency: r.answerKind === "yesNo" ? null : i % 4,
    present: r.answerKind === "yesNo" ? i % 2 === 0 : null,
  })),
  triage: {
    level: "INDICATED",
    reasons: [
      { code: "CRISIS_RISK", risks: ["A01", "B20"] },
      { code: "LONG_LASTING_SIGNIFICANT", risks: ["A02"], sinceDays: 40 },
      { code: "LOW_ATTAINMENT_PERSISTENT", subjects: 4 },
      { code: "IMMEDIATE_RISK", risks: ["A02"] },
      { code: "LOW_ATTAINMENT", subjects: 3 },
      { code: "REPEATED", risks: ["D50"] },
      { code: "LONG_LASTING", risks: ["C40"], sinceDays: 30 },
      { code: "MANY_RISKS", risks: ["A03", "A04", "A05"] },
      { code: "FIRST_TIME_LOW" },
    ],
    clearsWhen: [
      { code: "RISKS_BELOW_OFTEN", risks: ["A02"] },
      { code: "CRISIS_RULED_OUT", risks: ["A01"] },
      { code: "ATTAINMENT_IMPROVES", belowSubjects: 3 },
      { code: "NO_NEW_REPORT_UNTIL", date: "2025-06-01" },
      { code: "FEWER_STRONG_RISKS", below: 3 },
    ],
  } as unknown as CaseDetails["triage"],
};

const RESULTS: Result[] = [
  { kind: "RECORDED" },
  { kind: "ALREADY_DONE" },
  { kind: "UNKNOWN_STEP" },
  { kind: "FORBIDDEN" },
  { kind: "TRAINING_REQUIRED" },
  { kind: "UNREGISTERED" },
  { kind: "GENERIC_ERROR" },
  { kind: "UNKNOWN_COMMAND" },
  { kind: "UNKNOWN_CASE", ref: "PMP-XXXX-<script>" },
  { kind: "ALREADY_TAKEN", ref: REF, by: "Inese Grava" },
  { kind: "ALREADY_DECIDED", ref: REF },
  { kind: "DECIDED", ref: REF },
  { kind: "REPORT_REGISTERED", ref: REF, existingCase: false },
  { kind: "REPORT_REGISTERED", ref: REF, existingCase: true },
];

const manyClasses = Array.from({ length: 120 }, (_, i) => ({
  schoolId: i < 60 ? "school-a" : "school-b",
  schoolName: i < 60 ? "Demo vidusskola" : "Rīgas Valsts 1. ģimnāzija un tālmācības vidusskola",
  classLabel: `${(i % 12) + 1}.${String.fromCharCode(97 + (i % 5))}`,
}));
const manyLearners = Array.from({ length: 140 }, (_, i) => ({
  id: `learner-${i}`,
  learnerCode: `L-${100000 + i}`,
  initials: "A.B.",
}));

export const COMPOSER_CASES: ComposerCase[] = [
  {
    name: "case card: new report",
    audience: "BY_REFERENCE",
    compose: (l) => composeCaseCard(summary(l), l, { first: true }),
  },
  {
    name: "case card: report on an open case",
    audience: "BY_REFERENCE",
    compose: (l) => composeCaseCard(summary(l), l, { first: false }),
  },
  {
    name: "case card: taken",
    audience: "BY_REFERENCE",
    compose: (l) => composeCaseCard(summary(l), l, { first: true, takenBy: "Inese Grava" }),
  },
  {
    name: "case card: no deadline yet",
    audience: "BY_REFERENCE",
    compose: (l) => composeCaseCard({ ...summary(l), deadline: null }, l, { first: true }),
  },
  { name: "manager message", audience: "BY_REFERENCE", compose: (l) => composeManagerMessage(summary(l), l) },
  {
    name: "case reminder",
    audience: "BY_REFERENCE",
    compose: (l) => composeCaseReminder({ ref: REF, deadline: due }, l),
  },
  {
    name: "case overdue",
    audience: "BY_REFERENCE",
    compose: (l) => composeCaseOverdue({ ref: REF, deadline: due }, l),
  },
  ...(["UNIVERSAL", "TARGETED", "INDICATED"] as const).map((level) => ({
    name: `case routed: ${level}`,
    audience: "BY_REFERENCE" as const,
    compose: (l: Locale) => composeCaseRouted({ ref: REF, level }, l),
  })),
  { name: "case rejected", audience: "BY_REFERENCE", compose: (l) => composeCaseRejected({ ref: REF }, l) },
  {
    name: "case confirmed",
    audience: "BY_REFERENCE",
    compose: (l) => composeCaseConfirmed({ ref: REF, level: "TARGETED", intensity: 2 }, l),
  },
  ...(["CONFIRM", "REJECT"] as const).flatMap((decision) =>
    [true, false].map((entitled) => ({
      name: `reporter outcome: ${decision}, ${entitled ? "entitled" : "limited"}`,
      audience: "BY_REFERENCE" as const,
      compose: (l: Locale) => composeReporterOutcome({ ref: REF, decision, level: "TARGETED", entitled }, l),
    })),
  ),
  {
    name: "absence task: parent contact",
    audience: "RESPONSIBLE",
    compose: (locale) =>
      composeParentContactTask({
        locale,
        learner: learnerLabel,
        date: "06.10.2025",
        due,
        outOfFamilyCare: false,
        legalPoint: "MK 89 p.6",
        step,
      }),
  },
  {
    name: "absence task: parent contact, out-of-family care",
    audience: "RESPONSIBLE",
    compose: (locale) =>
      composeParentContactTask({
        locale,
        learner: learnerLabel,
        date: "06.10.2025",
        due,
        outOfFamilyCare: true,
        legalPoint: "MK 89 p.6",
        step,
      }),
  },
  {
    name: "absence task: parent contact, named relations and notes",
    audience: "RESPONSIBLE",
    compose: (locale) =>
      composeParentContactTask({
        locale,
        learner: learnerLabel,
        date: "06.10.2025",
        due,
        outOfFamilyCare: false,
        legalPoint: "MK89_P6",
        step,
        contacts: ["LEARNER", "MOTHER"],
        notes: ["provisional", "beyondCalendar"],
      }),
  },
  {
    name: "absence task: catch-up contact, nobody on file",
    audience: "RESPONSIBLE",
    compose: (locale) =>
      composeCatchUpContactTask({
        locale,
        learner: learnerLabel,
        dates: ["2025-10-01", "2025-10-02"],
        due,
        outOfFamilyCare: true,
        legalPoint: "MK89_P2",
        step,
        contacts: [],
        notes: ["noneOnFile"],
      }),
  },
  {
    name: "absence count corrected",
    audience: "RESPONSIBLE",
    compose: (l) => composeAbsenceCountCorrected({ learner: learnerLabel, count: 18, legalPoint: "MK89_P7" }, l),
  },
  {
    name: "absence alert: no contact on file",
    audience: "RESPONSIBLE",
    compose: (l) =>
      composeAbsenceAlert(
        {
          alert: "NO_CONTACT_ON_FILE",
          learner: LEARNER.code,
          classLabel: learnerLabel.classLabel,
          school: "Demo vidusskola",
          expected: "GUARDIAN",
          legalPoint: "MK89_P2",
        },
        l,
      ),
  },
  ...(["CALENDAR_MISSING", "UNKNOWN_MUNICIPALITY"] as const).map((alert) => ({
    name: `absence alert: ${alert}`,
    audience: "BY_REFERENCE" as const,
    compose: (l: Locale) =>
      composeAbsenceAlert(
        {
          alert,
          learner: LEARNER.publicRef,
          classLabel: learnerLabel.classLabel,
          school: "Demo vidusskola",
          code: "NOWHERE",
          legalPoint: "MK89_P7_2",
        },
        l,
      ),
  })),
  {
    name: "absence: the orphan's court informed",
    audience: "BY_REFERENCE",
    compose: (l) =>
      composeAbsenceCourtInformed(
        { learnerRef: LEARNER.publicRef, school: "Demo vidusskola", legalPoint: "MK89_P2" },
        l,
      ),
  },
  {
    name: "absence: next year's calendar missing",
    audience: "BY_REFERENCE",
    compose: (l) => composeCalendarMissing({ schoolYear: "2027/28" }, l),
  },
  {
    name: "absence task: VIIS entry",
    audience: "RESPONSIBLE",
    compose: (locale) => composeViisTask({ locale, learner: learnerLabel, count: 20, legalPoint: "MK 89 p.7", step }),
  },
  {
    name: "absence task: social-service referral",
    audience: "RESPONSIBLE",
    compose: (locale) =>
      composeReferralTask({
        locale,
        learner: learnerLabel,
        email: "socialais.dienests@demo.lv",
        legalPoint: "MK 89 p.8",
        step,
      }),
  },
  {
    name: "absence task: referral acknowledgement",
    audience: "BY_REFERENCE",
    compose: (locale) =>
      composeAcknowledgementTask({
        locale,
        learnerRef: LEARNER.publicRef,
        schoolName: "Demo vidusskola",
        due,
        legalPoint: "MK 89 p.8",
        step,
      }),
  },
  {
    name: "absence reminder",
    audience: "RESPONSIBLE",
    compose: (l) => composeAbsenceReminder({ learner: LEARNER.code, due }, l),
  },
  {
    name: "absence overdue",
    audience: "BY_REFERENCE",
    compose: (l) =>
      composeAbsenceOverdue({ learner: LEARNER.publicRef, school: "Demo vidusskola", due, legalPoint: "MK 89 p.7" }, l),
  },
  {
    name: "absence informed",
    audience: "BY_REFERENCE",
    compose: (l) =>
      composeAbsenceInformed(
        { learnerRef: LEARNER.publicRef, school: "Demo vidusskola", count: 20, legalPoint: "MK 89 p.7" },
        l,
      ),
  },
  {
    name: "absence agenda",
    audience: "BY_REFERENCE",
    compose: (l) => composeAbsenceAgenda({ learnerRef: LEARNER.publicRef, school: "Demo vidusskola", count: 40 }, l),
  },
  {
    name: "contacts",
    audience: "RESPONSIBLE",
    compose: (l) =>
      composeContacts(
        [
          { relation: "MOTHER", name: "Anna Kalniņa", phone: "+371 20000000", email: "anna@example.lv" },
          { relation: "GUARDIAN", name: "Pēteris Ozols", phone: null, email: null },
        ],
        l,
      ),
  },
  { name: "contacts: none on file", audience: "RESPONSIBLE", compose: (l) => composeContacts([], l) },
  {
    name: "contacts: no stand-in on file for a child in care",
    audience: "RESPONSIBLE",
    compose: (l) => composeContacts({ contacts: [], learnerInPerson: false, missing: ["CARE_INSTITUTION_HEAD"] }, l),
  },
  {
    name: "contacts: an adult learner, one consented parent",
    audience: "RESPONSIBLE",
    compose: (l) =>
      composeContacts(
        { contacts: [{ relation: "MOTHER", name: "Anna Kalniņa", phone: "+371 20000000" }], learnerInPerson: true },
        l,
      ),
  },
  {
    name: "contacts: an adult learner without consent",
    audience: "RESPONSIBLE",
    compose: (l) => composeContacts({ contacts: [], learnerInPerson: true }, l),
  },
  { name: "help", audience: "BY_REFERENCE", compose: (l) => composeHelp(l) },
  {
    name: "case details: every risk and reason",
    audience: "RESPONSIBLE",
    compose: (l) => composeCaseDetails(fullDetails, l),
  },
  {
    name: "case details: new case",
    audience: "RESPONSIBLE",
    compose: (l) =>
      composeCaseDetails(
        {
          ...fullDetails,
          risks: [],
          triage: null,
          caseManager: null,
          deadline: null,
          firstReportAt: null,
          status: "REPORTED",
        },
        l,
      ),
  },
  { name: "home: not registered", audience: "BY_REFERENCE", compose: (l) => composeHome(null, l) },
  { name: "home: nothing waiting", audience: "BY_REFERENCE", compose: (l) => composeHome({ cases: [], tasks: [] }, l) },
  {
    name: "home: many cases and tasks",
    audience: "BY_REFERENCE",
    compose: (l) =>
      composeHome(
        {
          cases: Array.from({ length: 20 }, (_, i) => ({
            ref: `PMP-2025-${String(i).padStart(4, "0")}`,
            status: (["REPORTED", "INVESTIGATING", "CONFIRMED"] as const)[i % 3]!,
            level: i % 2 ? "TARGETED" : null,
            deadline: i % 3 === 2 ? null : new Date("2025-03-14T10:00:00.000Z"),
          })),
          tasks: Array.from({ length: 60 }, (_, i) => ({
            kind: [
              "CASE_INVESTIGATION",
              "PARENT_CONTACT",
              "VIIS_ENTRY",
              "SOCIAL_SERVICE_REFERRAL",
              "REFERRAL_ACKNOWLEDGEMENT",
              "SOMETHING_NEW",
            ][i % 6]!,
            subjectRef: i % 2 ? REF : LEARNER.publicRef,
            dueAt: new Date("2025-10-06T14:00:00.000Z"),
            state: (["OPEN", "OVERDUE", "ESCALATED"] as const)[i % 3]!,
            legalPoint: i % 2 ? "MK 89 p.7" : null,
          })),
        },
        l,
      ),
  },
  ...RESULTS.map((result) => ({
    name: `result: ${result.kind}${"existingCase" in result ? (result.existingCase ? " (existing)" : " (new)") : ""}`,
    audience: "BY_REFERENCE" as const,
    compose: (l: Locale) => composeResult(result, l),
  })),
  {
    name: "form: report step 1",
    audience: "BY_REFERENCE",
    compose: (locale) => composeReportStep1({ locale, classes: manyClasses.slice(0, 8) }),
  },
  {
    name: "form: report step 1, over 100 classes and learners",
    audience: "RESPONSIBLE",
    compose: (locale) =>
      composeReportStep1({ locale, classes: manyClasses, selectedClass: "school-a|1.a", learners: manyLearners }),
  },
  {
    name: "form: report step 2, every risk",
    audience: "BY_REFERENCE",
    compose: (locale) =>
      composeReportStep2({
        locale,
        draft: {
          learnerId: LEARNER_ID,
          riskCodes: RISKS.map((r) => r.code),
          otherText: "x".repeat(500),
          lowAttainmentSubjects: 20,
          parentsInformed: "NOT_YET",
        },
      }),
  },
  ...(["CONFIRM", "REJECT"] as const).map((kind) => ({
    name: `form: decision ${kind}`,
    audience: "BY_REFERENCE" as const,
    compose: (locale: Locale) =>
      composeDecisionForm({ locale, caseId: CASE_ID, ref: REF, kind, suggestedLevel: "INDICATED" }),
  })),
  ...(["VIIS_ENTERED", "REFERRAL_SENT"] as const).map((kind) => ({
    name: `form: absence step text ${kind}`,
    audience: "BY_REFERENCE" as const,
    compose: (locale: Locale) => composeStepTextForm({ locale, kind, ...step }),
  })),
  ...(["DELIVERY_FAILED", "NO_ADDRESS", "NOBODY_TO_ASSIGN"] as const).map((kind) => ({
    name: `operator alert ${kind}`,
    audience: "BY_REFERENCE" as const,
    compose: (locale: Locale) =>
      composeOperatorAlert(
        { kind, detail: "SLACK: Slack error: is_archived", reference: `case:${CASE_ID}:card:${"c".repeat(36)}` },
        locale,
      ),
  })),
];

export const isForm = (x: Message | Form): x is Form => "items" in x;
