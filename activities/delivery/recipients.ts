import type { Locale } from "../../bot/core/i18n.js";
import type { Message } from "../../bot/core/messages/model.js";
import type { ChannelPurpose } from "../../prisma/generated/enums.js";
import type { ChatPerson, DirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import type { OperatorAlerts } from "./operator-alerts.js";
import type { Outbox } from "./outbox.js";

/**
 * How notifiers address people and bodies: one queued message per person (in their language, on their preferred
 * platform) and one per channel of a body (one per platform it uses, in Latvian). Somebody with no chat address or a
 * body with no channel is not skipped silently: it is an operator alert, since a duty may hang on that message.
 */
export function createRecipients(deps: { directory: DirectoryRepository; outbox: Outbox; alerts: OperatorAlerts }) {
  const { directory, outbox, alerts } = deps;

  async function noAddress(key: string, whom: string, municipalityId: string | null): Promise<void> {
    await alerts.raise({
      kind: "NO_ADDRESS",
      dedupeKey: `no-address:${key}`,
      detail: whom,
      reference: key,
      municipalityId,
    });
  }

  return {
    /** A duty whose role nobody holds: operators must assign it (the workflow has passed it up its chain). */
    async nobodyToAssign(input: {
      key: string;
      role: string;
      handedTo: string | null;
      municipalityId: string | null;
    }): Promise<void> {
      await alerts.raise({
        kind: "NOBODY_TO_ASSIGN",
        dedupeKey: `nobody:${input.key}`,
        detail: input.handedTo ? `${input.role} → ${input.handedTo}` : input.role,
        reference: input.key,
        municipalityId: input.municipalityId,
      });
    },

    /**
     * To each person, keyed `<key>:<staffId>` so a retried activity queues nothing twice. With `role`, the people
     * were looked up by that role, and an empty list is an operator alert.
     */
    async toPeople(
      people: ReadonlyArray<ChatPerson | null>,
      key: string,
      compose: (locale: Locale, person: ChatPerson) => Message,
      context: { municipalityId: string | null; role?: string; dutyKey?: string },
    ): Promise<void> {
      // People found by role: nobody holding it means the duty has no owner, which operators must hear about,
      // once per duty (`dutyKey`, the same key the workflow's own NOBODY_TO_ASSIGN report uses).
      if (context.role && people.every((person) => !person)) {
        await alerts.raise({
          kind: "NOBODY_TO_ASSIGN",
          dedupeKey: `nobody:${context.dutyKey ?? key}`,
          detail: context.role,
          reference: key,
          municipalityId: context.municipalityId,
        });
        return;
      }
      for (const person of people) {
        if (!person) continue;
        const personKey = `${key}:${person.staffId}`;
        if (!person.address) {
          await noAddress(personKey, `staff ${person.staffId}`, context.municipalityId);
          continue;
        }
        await outbox.enqueue({
          idempotencyKey: personKey,
          address: person.address,
          message: compose(person.locale, person),
        });
      }
    },

    /**
     * To a body's channels, keyed `<key>:<channelId>`; `replaces` names the earlier message (by its key without
     * the channel) to edit in place, e.g. the case card once somebody took the case.
     */
    async toBody(
      where: { schoolId?: string; municipalityId?: string; purpose: ChannelPurpose },
      key: string,
      compose: (locale: Locale) => Message,
      context: { municipalityId: string | null; replaces?: string },
    ): Promise<void> {
      const channels = await directory.channels(where);
      if (channels.length === 0) {
        await noAddress(key, `${where.purpose} channel`, context.municipalityId);
        return;
      }
      for (const channel of channels) {
        const suffix = channel.kind === "CHANNEL" ? channel.channelId : channel.staffId;
        await outbox.enqueue({
          idempotencyKey: `${key}:${suffix}`,
          address: channel,
          message: compose("lv"),
          ...(context.replaces ? { replaces: `${context.replaces}:${suffix}` } : {}),
        });
      }
    },
  };
}

export type Recipients = ReturnType<typeof createRecipients>;
