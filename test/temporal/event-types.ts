// Enum values of Temporal's history event types, for assertions on fetched histories.
import proto from "@temporalio/proto";

export const EventType = proto.temporal.api.enums.v1.EventType;
export const WorkflowTaskFailedCause = proto.temporal.api.enums.v1.WorkflowTaskFailedCause;
