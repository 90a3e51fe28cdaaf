/**
 * Standard security headers (helmet) on every answer. The policy is as tight as the pages
 * the service serves allow: scripts only from the service itself (the dashboard's i18n is
 * a JSON <script>, which CSP does not run); styles may be inline, because the dashboard
 * sizes its fill bars with style attributes, the printable manifest carries its own
 * <style> and Swagger UI injects its styles; images from the service or data: URLs
 * (Swagger UI's icons). No upgrade-insecure-requests: on a village LAN the service is
 * reached over plain http, and forcing https there would break every request.
 */
import type { RequestHandler } from "express";
import helmet from "helmet";

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // nothing of the service is meant to be framed: the same as frame-ancestors 'none'
    xFrameOptions: { action: "deny" },
  });
}
