// Turns every failure into the one error shape {"error":{"code","message"}} with the right status.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiErrorBody, ApiErrorCode } from '../shared/api-error.js';
import { HttpError } from './http-error.js';

function classify(err: FastifyError): { status: number; code: ApiErrorCode; message: string } {
  if (err instanceof HttpError)
    return { status: err.statusCode, code: err.code, message: err.message };
  const status = err.statusCode ?? 500;
  if (status === 413)
    return { status, code: 'payload_too_large', message: 'Request body is too large' };
  if (status === 415) return { status, code: 'unsupported_media_type', message: err.message };
  if (status === 429) return { status, code: 'rate_limited', message: err.message };
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx: malformed JSON, empty body, bad content-type.
    return { status, code: 'bad_request', message: err.message };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong on our side; try again' };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError>((err, request, reply) => {
    const { status, code, message } = classify(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (err instanceof HttpError) reply.headers(err.headers);
    const body: ApiErrorBody = { error: { code, message } };
    return reply.code(status).header('cache-control', 'no-store').send(body);
  });
}
