// Turns a protobufjs service description into a grpc-js service definition, so handlers receive decoded
// protobufjs messages and return plain objects that are encoded with the SDK's own message types.
import { type Server, type ServerUnaryCall, type sendUnaryData, status } from "@grpc/grpc-js";
import type { Method, Type } from "protobufjs";
import { root } from "./proto.js";
import { RpcError } from "./rpc-error.js";

/** A unary handler; `call` is exposed for long polls that must notice a cancelled caller. */
export type Handler = (request: any, call: ServerUnaryCall<any, any>) => Promise<object> | object;

export function addService(
  server: Server,
  serviceName: string,
  handlers: Record<string, Handler>,
  onUnimplemented: (method: string) => void,
): void {
  const service = root.lookupService(serviceName);
  const definition: Record<string, any> = {};
  const implementation: Record<string, any> = {};
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
    implementation[method.name] = (call: ServerUnaryCall<any, any>, callback: sendUnaryData<object>) => {
      if (!handler) {
        onUnimplemented(method.name);
        callback({ code: status.UNIMPLEMENTED, details: `${method.name} is not supported by the test server` });
        return;
      }
      Promise.resolve()
        .then(() => handler(call.request, call))
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
  }
  server.addService(definition, implementation);
}
