// gRPC errors the way Temporal's frontend returns them: a status code plus a RpcStatus in the
// `grpc-status-details-bin` trailer, whose typed details the SDK inspects (e.g. to raise
// WorkflowExecutionAlreadyStartedError or NamespaceNotFoundError).
import { Metadata, status } from "@grpc/grpc-js";
import { RpcStatus, packAny } from "./proto.js";

export class RpcError extends Error {
  constructor(
    readonly code: status,
    message: string,
    readonly detail?: { typeName: string; value: object },
  ) {
    super(message);
  }

  /** The object grpc-js sends back to the caller. */
  toServiceError(): { code: status; details: string; metadata: Metadata } {
    const metadata = new Metadata();
    const details = this.detail ? [packAny(this.detail.typeName, this.detail.value)] : [];
    const st = RpcStatus.encode({ code: this.code, message: this.message, details }).finish();
    metadata.set("grpc-status-details-bin", Buffer.from(st));
    return { code: this.code, details: this.message, metadata };
  }
}

export const notFound = (message: string) =>
  new RpcError(status.NOT_FOUND, message, { typeName: "temporal.api.errordetails.v1.NotFoundFailure", value: {} });

export const invalidArgument = (message: string) => new RpcError(status.INVALID_ARGUMENT, message);

export const failedPrecondition = (message: string) => new RpcError(status.FAILED_PRECONDITION, message);

export const alreadyStarted = (startRequestId: string, runId: string) =>
  new RpcError(status.ALREADY_EXISTS, "Workflow execution is already running", {
    typeName: "temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure",
    value: { startRequestId, runId },
  });

export const queryFailed = (message: string, failure?: object | null) =>
  new RpcError(status.INVALID_ARGUMENT, message, {
    typeName: "temporal.api.errordetails.v1.QueryFailedFailure",
    value: failure ? { failure } : {},
  });

export const workflowCompleted = () => notFound("workflow execution already completed");
