package io.venuekit.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own WebSocket
 * client: one page, navigate, evaluate, wait. Just enough for the browser tests, and no
 * downloaded browser or driver.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final java.util.concurrent.BlockingQueue<JsonNode> dialogs =
            new java.util.concurrent.LinkedBlockingQueue<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static Chromium start(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("venuekit-chromium");
        Process process = new ProcessBuilder(
                        BINARY,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-quic",
                        "--no-first-run",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "--window-size=" + width + "," + height,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        while (pageSocket == null) {
            String list = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            for (JsonNode target : JSON.readTree(list)) {
                if ("page".equals(target.path("type").asText())) {
                    pageSocket = target.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null) {
                Thread.sleep(50);
            }
        }
        Chromium[] self = new Chromium[1];
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            self[0].receive(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        self[0] = new Chromium(process, profile, socket);
        return self[0];
    }

    private void receive(String message) {
        try {
            JsonNode json = JSON.readTree(message);
            if ("Page.javascriptDialogOpening".equals(json.path("method").asText())) {
                dialogs.add(json.path("params"));
            }
            CompletableFuture<JsonNode> waiting =
                    json.has("id") ? pending.remove(json.get("id").asInt()) : null;
            if (waiting == null) {
                return;
            }
            if (json.has("error")) {
                waiting.completeExceptionally(
                        new IllegalStateException(json.get("error").toString()));
            } else {
                waiting.complete(json.path("result"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one DevTools command and waits for its result. */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(command), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Sends one DevTools command without waiting for its result: for one that a dialog holds up
     * (a navigation the page's beforeunload asks about).
     */
    void sendLater(String method, Map<String, Object> params) throws Exception {
        ObjectNode command =
                JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", method);
        command.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(command), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next JavaScript dialog the page opens (Page.enable first), or null if none opens in time. */
    JsonNode nextDialog() throws InterruptedException {
        return dialogs.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    void javascript(boolean enabled) throws Exception {
        send("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    /** Opens the URL and waits until the document and its images have loaded. */
    void open(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
        waitFor(() -> {
            try {
                return "complete"
                        .equals(eval("location.href === " + JSON.writeValueAsString(url)
                                        + " ? document.readyState : 'navigating'")
                                .asText());
            } catch (Exception e) {
                return false; // the old document went away mid-evaluation
            }
        });
    }

    /** The value of a JavaScript expression, awaited if it is a promise. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result =
                send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out in Chromium");
            }
            Thread.sleep(50);
        }
    }

    /** True once the expression is true (exceptions, e.g. during a navigation, count as not yet). */
    void waitUntil(String expression) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                if (eval(expression).asBoolean()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out in Chromium waiting for " + expression);
            }
            Thread.sleep(50);
        }
    }

    /** The centre of the first element matching the selector (scrolled into view if it is not), at a fraction of its height. */
    double[] point(String selector, double fraction) throws Exception {
        JsonNode p = eval("(() => { const el = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
                + " if (!el) throw new Error('no element ' + " + JSON.writeValueAsString(selector) + ");"
                + " el.scrollIntoView({block: 'nearest'}); const r = el.getBoundingClientRect();"
                + " return [r.left + r.width / 2, r.top + r.height * " + fraction + "]; })()");
        return new double[] {p.get(0).asDouble(), p.get(1).asDouble()};
    }

    /** A real mouse click (pointer and mouse events) in the middle of the element. */
    void click(String selector) throws Exception {
        double[] p = point(selector, 0.5);
        mouse("mouseMoved", p[0], p[1], 0);
        mouse("mousePressed", p[0], p[1], 1);
        mouse("mouseReleased", p[0], p[1], 0);
    }

    /**
     * A real mouse click near the start of an element inside a same-origin frame: the frame's
     * position in the page plus the element's position in the frame, times the frame's scale.
     */
    void clickInFrame(String frame, String selector) throws Exception {
        JsonNode p = eval(
                "(() => { const f = document.querySelector(" + JSON.writeValueAsString(frame) + ");"
                        + " if (!f) throw new Error('no frame ' + " + JSON.writeValueAsString(frame) + ");"
                        + " f.scrollIntoView({block: 'nearest'}); const d = f.contentDocument;"
                        + " if (!d) throw new Error('the frame is not reachable from the page');"
                        + " const el = d.querySelector(" + JSON.writeValueAsString(selector) + ");"
                        + " if (!el) throw new Error('no element ' + " + JSON.writeValueAsString(selector)
                        + " + ' in the frame');"
                        + " el.scrollIntoView({block: 'nearest'}); const fr = f.getBoundingClientRect(); const r = el.getBoundingClientRect();"
                        // the frame may be drawn scaled (a CSS transform): frame pixels times the scale
                        + " const sx = fr.width / f.offsetWidth, sy = fr.height / f.offsetHeight;"
                        + " return [fr.left + (f.clientLeft + r.left + Math.min(r.width / 2, 20)) * sx, fr.top + (f.clientTop + r.top + Math.min(r.height / 2, 8)) * sy]; })()");
        double x = p.get(0).asDouble();
        double y = p.get(1).asDouble();
        mouse("mouseMoved", x, y, 0);
        mouse("mousePressed", x, y, 1);
        mouse("mouseReleased", x, y, 0);
    }

    /**
     * Presses the mouse on one element, moves in steps onto another (at a fraction of its height:
     * 0.25 drops before it, 0.75 after it) and lets go, as a hand would drag.
     */
    void drag(String from, String to, double fraction) throws Exception {
        drag(from, to, fraction, "null");
    }

    /** A drag as above; `probe` is evaluated just before the button is let go, and its value returned. */
    JsonNode drag(String from, String to, double fraction, String probe) throws Exception {
        return drag(from, () -> point(to, fraction), probe);
    }

    /** Where a drag goes, measured again as the page moves under it. */
    interface Target {
        double[] point() throws Exception;
    }

    /**
     * A point of an element inside a same-origin frame, in the page's coordinates: the element
     * scrolled to the middle of the frame, at `fx` of its width and `fy` of its height.
     */
    double[] pointInFrame(String frame, String selector, double fx, double fy) throws Exception {
        JsonNode p = eval("(() => { const f = document.querySelector(" + JSON.writeValueAsString(frame) + ");"
                + " if (!f) throw new Error('no frame ' + " + JSON.writeValueAsString(frame) + ");"
                + " f.scrollIntoView({block: 'nearest'}); const el = f.contentDocument?.querySelector("
                + JSON.writeValueAsString(selector) + ");"
                + " if (!el) throw new Error('no element ' + " + JSON.writeValueAsString(selector)
                + " + ' in the frame');"
                + " el.scrollIntoView({block: 'center'}); const fr = f.getBoundingClientRect(); const r = el.getBoundingClientRect();"
                + " const sx = fr.width / f.offsetWidth, sy = fr.height / f.offsetHeight;"
                + " return [fr.left + (f.clientLeft + r.left + r.width * " + fx
                + ") * sx, fr.top + (f.clientTop + r.top + r.height * " + fy + ") * sy]; })()");
        return new double[] {p.get(0).asDouble(), p.get(1).asDouble()};
    }

    /** A drag from an element to wherever `to` says, followed as above; `probe` is evaluated before letting go. */
    JsonNode drag(String from, Target to, String probe) throws Exception {
        to.point(); // in view first, then the source (if that scrolls, the target is measured again below)
        double[] a = point(from, 0.5);
        double[] b = to.point();
        mouse("mouseMoved", a[0], a[1], 0);
        mouse("mousePressed", a[0], a[1], 1);
        // at a hand's pace: SortableJS (in its fallback mode) looks at the pointer every 50 ms
        for (int i = 1; i <= 16; i++) {
            mouse("mouseMoved", a[0] + (b[0] - a[0]) * i / 16, a[1] + (b[1] - a[1]) * i / 16, 1);
            Thread.sleep(60);
        }
        // the list makes room as the component goes over it: follow the target until it stays put
        double[] at = b;
        for (int i = 0; i < 6; i++) {
            double[] now = to.point();
            mouse("mouseMoved", now[0], now[1], 1);
            Thread.sleep(60);
            if (Math.abs(now[1] - at[1]) < 1 && i > 0) {
                break;
            }
            at = now;
        }
        JsonNode seen = eval(probe);
        mouse("mouseReleased", at[0], at[1], 0);
        return seen;
    }

    private void mouse(String type, double x, double y, int buttons) throws Exception {
        send(
                "Input.dispatchMouseEvent",
                Map.of(
                        "type",
                        type,
                        "x",
                        x,
                        "y",
                        y,
                        "button",
                        type.equals("mouseMoved") && buttons == 0 ? "none" : "left",
                        "buttons",
                        buttons,
                        "clickCount",
                        type.equals("mouseMoved") ? 0 : 1));
    }

    /** Types text into the focused element, as an input method would commit it. */
    void type(String text) throws Exception {
        send("Input.insertText", Map.of("text", text));
    }

    static final int ALT = 1;
    static final int CTRL = 2;
    static final int SHIFT = 8;

    /** Presses and releases one key with modifiers (ALT, CTRL, SHIFT), e.g. key("z", "KeyZ", 90, CTRL). */
    void key(String key, String code, int keyCode, int modifiers) throws Exception {
        Map<String, Object> down = new java.util.HashMap<>(Map.of(
                "type",
                "rawKeyDown",
                "key",
                key,
                "code",
                code,
                "windowsVirtualKeyCode",
                keyCode,
                "modifiers",
                modifiers));
        if (key.equals("Enter") || key.equals(" ")) { // keys that activate a button do it through their character
            down.put("type", "keyDown");
            down.put("text", key.equals("Enter") ? "\r" : " ");
        }
        send("Input.dispatchKeyEvent", down);
        Map<String, Object> up = new java.util.HashMap<>(down);
        up.put("type", "keyUp");
        send("Input.dispatchKeyEvent", up);
    }

    /** Saves a PNG of the viewport; never throws (it runs while a test is already failing). */
    void screenshotTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, screenshot());
        } catch (Exception e) {
            System.err.println("no screenshot at " + file + ": " + e);
        }
    }

    /** A PNG of the viewport. */
    byte[] screenshot() throws Exception {
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png"));
        return java.util.Base64.getDecoder().decode(shot.path("data").asText());
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        // the renderer and GPU helpers are children: stop them too, or they keep writing to the profile
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            }
        }
        deleteProfile();
    }

    /** Best effort: it is a temporary directory, and a straggling helper must not fail a test. */
    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            profile.toFile().deleteOnExit();
        }
    }

    // Added for the library's browser tests: longer waits, files, the mouse and screenshots on failure.

    /** Like {@link #waitFor(BooleanSupplier)}, for work that may take longer than the default (the asset pipeline on a shared machine). */
    void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out in Chromium after " + limit);
            }
            Thread.sleep(50);
        }
    }

    /** Puts files into the {@code <input type=file>} the selector finds, as a person choosing them would (a change event follows). */
    void setFileInputFiles(String selector, List<Path> files) throws Exception {
        int root = send("DOM.getDocument", Map.of("depth", 0))
                .path("root")
                .path("nodeId")
                .asInt();
        int node = send("DOM.querySelector", Map.of("nodeId", root, "selector", selector))
                .path("nodeId")
                .asInt();
        if (node == 0) {
            throw new AssertionError("no element matches " + selector);
        }
        send(
                "DOM.setFileInputFiles",
                Map.of(
                        "nodeId",
                        node,
                        "files",
                        files.stream().map(f -> f.toAbsolutePath().toString()).toList()));
    }

    /** The viewport point at fractions (fx, fy) of the first element the selector finds, scrolled into view first. */
    double[] pointIn(String selector, double fx, double fy) throws Exception {
        JsonNode box = eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
                + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return [r.left + r.width * " + fx + ", r.top + r.height * " + fy + "]; })()");
        return new double[] {box.get(0).asDouble(), box.get(1).asDouble()};
    }

    /** Drags files from outside the window onto the element the selector finds: dragEnter, dragOver, drop. */
    void dropFiles(String selector, List<Path> files) throws Exception {
        double[] at = pointIn(selector, 0.5, 0.5);
        Map<String, Object> data = Map.of(
                "items",
                List.of(),
                "dragOperationsMask",
                1,
                "files",
                files.stream().map(f -> f.toAbsolutePath().toString()).toList());
        for (String type : List.of("dragEnter", "dragOver", "drop")) {
            send("Input.dispatchDragEvent", Map.of("type", type, "x", at[0], "y", at[1], "data", data));
        }
    }

    /** A left-button mouse event at a viewport point: mousePressed, mouseMoved or mouseReleased. */
    void mouse(String type, double x, double y) throws Exception {
        boolean held = type.equals("mousePressed") || type.equals("mouseMoved") && pressed;
        send(
                "Input.dispatchMouseEvent",
                Map.of(
                        "type",
                        type,
                        "x",
                        x,
                        "y",
                        y,
                        "button",
                        held || !type.equals("mouseMoved") ? "left" : "none",
                        "buttons",
                        held ? 1 : 0,
                        "clickCount",
                        1));
        if (type.equals("mousePressed")) {
            pressed = true;
        } else if (type.equals("mouseReleased")) {
            pressed = false;
        }
    }

    private volatile boolean pressed;

    /** A click at a viewport point. */
    void click(double x, double y) throws Exception {
        mouse("mousePressed", x, y);
        mouse("mouseReleased", x, y);
    }

    /** Presses, moves in steps and releases the left button: a drag from one viewport point to another. */
    void drag(double fromX, double fromY, double toX, double toY) throws Exception {
        mouse("mousePressed", fromX, fromY);
        for (int i = 1; i <= 5; i++) {
            mouse("mouseMoved", fromX + (toX - fromX) * i / 5, fromY + (toY - fromY) * i / 5);
        }
        mouse("mouseReleased", toX, toY);
    }

    /** Saves a PNG of the viewport to the file (its directory is made); best effort, for a test that failed. */
    void saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, screenshot());
        } catch (Exception e) {
            System.err.println("no screenshot at " + file + ": " + e);
        }
    }

    /** The value of a JavaScript expression, or a missing node when it throws (a page mid-navigation, an element not there yet). */
    JsonNode evalQuietly(String expression) {
        try {
            return eval(expression);
        } catch (Exception e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Types text into the focused element, as a keyboard would (input events follow). */
    void insertText(String text) throws Exception {
        send("Input.insertText", Map.of("text", text));
    }

    /**
     * Presses and releases one key without modifiers, e.g. press("Enter", "Enter", 13); Enter and
     * Space carry their text, so a focused button is activated as by a keyboard.
     */
    void press(String key, String code, int keyCode) throws Exception {
        String text = key.equals("Enter") ? "\r" : key.equals(" ") ? " " : "";
        Map<String, Object> down = new java.util.HashMap<>(Map.of(
                "type",
                text.isEmpty() ? "rawKeyDown" : "keyDown",
                "key",
                key,
                "code",
                code,
                "windowsVirtualKeyCode",
                keyCode));
        if (!text.isEmpty()) {
            down.put("text", text);
        }
        send("Input.dispatchKeyEvent", down);
        send(
                "Input.dispatchKeyEvent",
                Map.of("type", "keyUp", "key", key, "code", code, "windowsVirtualKeyCode", keyCode));
    }
}
