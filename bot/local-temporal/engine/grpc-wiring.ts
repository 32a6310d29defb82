// Turns a protobufjs service description into a grpc-js service definition, so handlers receive decoded
// protobufjs messages and return plain objects that are encoded with the SDK's own message types.
import {
  type MethodDefinition,
  type Server,
  type ServerUnaryCall,
  type UntypedServiceImplementation,
  type handleUnaryCall,
  status,
} from "@grpc/grpc-js";
import type { Method, Type } from "protobufjs";
import { root } from "./proto.js";
import { RpcError } from "./rpc-error.js";

/** The call a handler sees; exposed for long polls that must notice a cancelled caller. */
export type ServerCall = ServerUnaryCall<object, object>;

/** A unary handler for requests of type `Request`. */
export type Handler<Request> = (request: Request, call: ServerCall) => Promise<object> | object;

/** The request type of one RPC of a generated protobufjs service (the promise overload is `(request) => Promise`). */
type RequestOf<Rpc> = Rpc extends (request: infer Request) => Promise<unknown> ? Request : never;
/** The RPC name of a generated service member (its literal `name`), or never for rpc.Service's own members. */
type RpcName<Member> = Member extends { readonly name: infer Name extends string }
  ? string extends Name
    ? never
    : Name
  : never;

/**
 * Handlers for a service from @temporalio/proto (e.g. `temporal.api.workflowservice.v1.WorkflowService`), keyed by
 * RPC name, each receiving that RPC's request interface. Unlisted RPCs answer UNIMPLEMENTED.
 */
export type ServiceHandlers<Service> = {
  [Key in keyof Service as RpcName<Service[Key]>]?: Handler<RequestOf<Service[Key]>>;
};

export function addService(
  server: Server,
  serviceName: string,
  // `never`: any handler fits here whatever its request type (see the call below).
  handlers: Readonly<Record<string, Handler<never> | undefined>>,
  onUnimplemented: (method: string) => void,
): void {
  const service = root.lookupService(serviceName);
  const definition: Record<string, MethodDefinition<object, object>> = {};
  const implementation: UntypedServiceImplementation = {};
  for (const method of service.methodsArray as Method[]) {
    method.resolve();
    const requestType = method.resolvedRequestType as Type;
    const responseType = method.resolvedResponseType as Type;
    definition[method.name] = {
      path: `/${serviceName}/${method.name}`,
      requestStream: false,
      responseStream: false,
      originalName: method.name,
      requestSerialize: (m: object) => Buffer.from(requestType.encode(requestType.fromObject(m)).finish()),
      requestDeserialize: (b: Buffer) => requestType.decode(b),
      responseSerialize: (m: object) => Buffer.from(responseType.encode(responseType.fromObject(m)).finish()),
      responseDeserialize: (b: Buffer) => responseType.decode(b),
    };
    const handler = handlers[method.name];
    const unary: handleUnaryCall<object, object> = (call, callback) => {
      if (!handler) {
        onUnimplemented(method.name);
        callback({ code: status.UNIMPLEMENTED, details: `${method.name} is not supported by the test server` });
        return;
      }
      Promise.resolve()
        // The request was decoded with this method's own request type, which is what the handler was declared
        // for under this method's name (ServiceHandlers); the generic wiring cannot say so in types.
        .then(() => handler(call.request as never, call))
        .then(
          (response) => callback(null, response),
          (err: unknown) => {
            if (err instanceof RpcError) callback(err.toServiceError());
            else {
              console.error(`[temporal-test-server] ${method.name} failed:`, err);
              callback({ code: status.INTERNAL, details: String((err as Error)?.message ?? err) });
            }
          },
        );
    };
    implementation[method.name] = unary;
  }
  server.addService(definition, implementation);
}
