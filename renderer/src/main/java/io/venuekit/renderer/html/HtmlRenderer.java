package io.venuekit.renderer.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.renderer.Layout;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link Layout} to H5 HTML with the Thymeleaf templates of the {@code templates}
 * module: the shell {@code venuekit/templates/page.html} and one fragment per component type,
 * {@code venuekit/templates/components/<type>.html}. A type without a fragment gets the generic
 * one, never an error. The low tier gets no script at all. Thread-safe; build one.
 */
public final class HtmlRenderer {

    static final String ROOT = "venuekit/templates/";
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final TemplateEngine engine;
    private final ClassLoader loader;
    private final Map<String, Boolean> fragments = new ConcurrentHashMap<>();
    private final LinkPolicy links;
    private final Texts texts;

    /** With the bundled {@link LinkPolicy}. */
    public HtmlRenderer() {
        this(LinkPolicy.bundled());
    }

    /** @param links where links may go: the same policy as the layout renderer's */
    public HtmlRenderer(LinkPolicy links) {
        this.links = links;
        this.texts = new Texts(links);
        this.loader = HtmlRenderer.class.getClassLoader();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(loader);
        resolver.setPrefix(ROOT);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    public String render(Layout layout) {
        return render(layout, null);
    }

    /**
     * A page whose bound components show {@code live}'s current prices, sold-out marks and hidden
     * components, as the live script would: for pages without script (the low tier), which would
     * otherwise show the published values until the next publication.
     *
     * @param live the payload of {@code GET /v1/venues/{slug}/live}, or null when the live data could
     *             not be read: bound components then show no price rather than a published one
     */
    public String renderWithLiveData(Layout layout, JsonNode live) {
        return render(layout, LiveValues.of(live));
    }

    /** @param live what the bound components show instead of the published values, or null: the script's business */
    private String render(Layout layout, LiveValues live) {
        JsonNode payload = layout.payload();
        Context context = new Context(Locale.ROOT);
        context.setVariable("page", ViewModel.value(payload.path("page"), links));
        context.setVariable("device", ViewModel.value(payload.path("device"), links));
        context.setVariable(
                "components", ViewModel.components(payload.path("components"), this::hasFragment, links, live));
        context.setVariable("next", layout.next().orElse(null));
        context.setVariable("script", !"low".equals(layout.tier()));
        context.setVariable("texts", texts);
        return engine.process("page", context);
    }

    public byte[] renderBytes(Layout layout) {
        return render(layout).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #renderWithLiveData} as UTF-8. */
    public byte[] renderBytesWithLiveData(Layout layout, JsonNode live) {
        return renderWithLiveData(layout, live).getBytes(StandardCharsets.UTF_8);
    }

    boolean hasFragment(String type) {
        return fragments.computeIfAbsent(
                type, t -> TYPE.matcher(t).matches() && loader.getResource(ROOT + "components/" + t + ".html") != null);
    }
}
