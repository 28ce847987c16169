/**
 * Live data behind a page's bindings: the plug-in interface {@link io.venuekit.renderer.live.DataSource}
 * (product catalogue, coupon pool, lottery), the items they answer, the short batch cache every
 * request goes through, and {@link io.venuekit.renderer.live.LiveResolver}, which turns a published
 * snapshot's bindings into the small live-data response clients fetch beside the cacheable layout.
 * Plain Java: the server supplies sources backed by its database; {@link io.venuekit.renderer.live.HttpProductSource}
 * talks to a real catalogue service with the JDK's HTTP client.
 */
package io.venuekit.renderer.live;
