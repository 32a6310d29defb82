// Virtual time starts on Thursday 16 October 2025, 09:00 in Riga (a school day), the same for every surface.
process.env.TEMPORAL_TEST_SERVER_START_TIME = "2025-10-16T06:00:00Z";

import { beforeAll } from "vitest";
import { useTeamsBotHarness, WORKFLOWS_PATH } from "../support/teams/teams-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import { paritySuite } from "./scenarios.js";
import { teamsSurface } from "./teams-surface.js";

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useTeamsBotHarness(temporal);
const surface = teamsSurface(harness);
beforeAll(() => harness().connectDemo(), 120_000);

paritySuite(() => surface, temporal);
