import { Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { Metrics } from "../../server/http/metrics.ts";

/** The lines of a Prometheus text exposition that belong to the named metrics. */
const linesOf = (text: string, prefix: string) =>
  text
    .split("\n")
    .filter((line) => line.includes(prefix))
    .sort();

describe("the requests' metrics", () => {
  it("write the same counter and histogram as prom-client's own, observed alike", async () => {
    const requests: [string, string, number, number][] = [
      ["/v1/shops/:shop/widget", "GET", 200, 0.0004],
      ["/v1/shops/:shop/widget", "GET", 200, 0.001],
      ["/v1/shops/:shop/widget", "GET", 200, 0.0031],
      ["/v1/orders", "POST", 201, 0.07],
      ["/v1/orders", "POST", 409, 3.2],
      ["unmatched", "GET", 404, 0.0001],
    ];
    const metrics = new Metrics();
    for (const [route, method, status, seconds] of requests) metrics.recordRequest(route, method, status, seconds);

    const registry = new Registry();
    const counter = new Counter({ name: "loyalty_http_requests_total", help: "x", labelNames: ["route", "method", "status"], registers: [registry] });
    const histogram = new Histogram({
      name: "loyalty_http_request_duration_seconds",
      help: "x",
      labelNames: ["route", "method", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    for (const [route, method, status, seconds] of requests) {
      counter.inc({ route, method, status: String(status) });
      histogram.observe({ route, method, status: String(status) }, seconds);
    }

    const ours = await metrics.registry.metrics();
    const theirs = await registry.metrics();
    for (const prefix of ["loyalty_http_requests_total{", "loyalty_http_request_duration_seconds_"]) {
      expect(linesOf(ours, prefix).length).toBeGreaterThan(0);
      expect(linesOf(ours, prefix)).toEqual(linesOf(theirs, prefix));
    }
    expect(ours).toContain('loyalty_http_request_duration_seconds_bucket{le="0.001",route="/v1/shops/:shop/widget",method="GET",status="200"} 2');
    expect(ours).toContain("# TYPE loyalty_http_request_duration_seconds histogram");
    expect(ours).toContain("# TYPE loyalty_http_requests_total counter");
  });
});
