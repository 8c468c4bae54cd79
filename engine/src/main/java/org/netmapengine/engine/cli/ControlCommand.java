package org.netmapengine.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code netmap-engine control}: asks a monitor to stop, start or reload a pipeline on a packet node, through the
 * monitor's HTTP endpoint ({@code POST /control/ACTION?node=...&pipeline=...}), and prints the node's answer.
 */
@Command(
    name = "control",
    mixinStandardHelpOptions = true,
    description = {"Stop, start or reload a pipeline on a packet node, through a monitor. A reload is compiled on the " +
        "node first: a definition with errors is refused with every error, and the node keeps running the old " +
        "pipeline. The node's answer is printed: done (with the final accounting of the pipeline that stopped), or " +
        "refused and why.", ""},
    footer = {"", "Examples:",
        "  netmap-engine control stop 127.0.0.1:41234 default",
        "  netmap-engine control start 127.0.0.1:41234 default",
        "  netmap-engine control --monitor 10.0.0.1:9464 reload 127.0.0.1:41234 default new-pipeline.conf",
        "", "NODE is a packet node's cluster address, HOST:PORT, as the monitor's table and /metrics name it."})
final class ControlCommand implements Callable<Integer>
{
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Spec
    CommandSpec spec;

    @Option(names = "--monitor", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9464",
        description = "The monitor's HTTP address. Default: ${DEFAULT-VALUE}.")
    String monitor;

    @Parameters(index = "0", paramLabel = "stop|start|reload", description = "What to do.")
    String action;

    @Parameters(index = "1", paramLabel = "NODE", description = "The packet node, HOST:PORT.")
    String node;

    @Parameters(index = "2", paramLabel = "PIPELINE", description = "The pipeline's name.")
    String pipeline;

    @Parameters(index = "3", arity = "0..1", paramLabel = "FILE", description = "For reload: the new definition " +
        "(pipeline { ... }, or netmap-engine.pipelines.PIPELINE { ... }).")
    Path file;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!action.equals("stop") && !action.equals("start") && !action.equals("reload"))
        {
            throw new IllegalArgumentException("expected stop, start or reload, got '" + action + "'");
        }
        if (action.equals("reload") == (null == file))
        {
            throw new IllegalArgumentException(action.equals("reload") ? "reload needs the FILE of the new definition" :
                action + " takes no FILE");
        }
        final String body = null == file ? "" : Files.readString(file, StandardCharsets.UTF_8);
        final URI uri = URI.create("http://" + monitor + "/control/" + action + "?node=" + encode(node) + "&pipeline=" +
            encode(pipeline));
        final HttpResponse<String> response;
        try
        {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException e)
        {
            err.println("no monitor answers at http://" + monitor + ": " + e);
            return ExitCodes.SOFTWARE;
        }
        if (200 != response.statusCode() && 422 != response.statusCode())
        {
            err.print("the monitor answered " + response.statusCode() + ": " + response.body());
            return ExitCodes.USAGE;
        }
        final String verdict = 200 == response.statusCode() ? "done" : "refused";
        (200 == response.statusCode() ? out : err).println(action + " of pipeline " + pipeline + " on " + node + ": " +
            verdict);
        for (final String error : strings(response.body(), "errors"))
        {
            err.println("  " + error);
        }
        final String accounting = strings(response.body(), "accounting").stream().findFirst().orElse("");
        out.print(accounting);
        out.flush();
        err.flush();
        return 200 == response.statusCode() ? ExitCodes.OK : ExitCodes.CONFIG;
    }

    private static String encode(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** @return the strings of field {@code name} (a string or an array of strings) in the monitor's JSON answer. */
    static List<String> strings(final String json, final String name)
    {
        final List<String> values = new ArrayList<>();
        final int at = json.indexOf("\"" + name + "\":");
        if (at < 0)
        {
            return values;
        }
        int i = at + name.length() + 3;
        final boolean array = json.charAt(i) == '[';
        i += array ? 1 : 0;
        final Matcher matcher = STRING.matcher(json);
        while (i < json.length() && json.charAt(i) == '"' && matcher.region(i, json.length()).lookingAt())
        {
            values.add(unescape(matcher.group(1)));
            i = matcher.end();
            if (!array || i >= json.length() || json.charAt(i) != ',')
            {
                break;
            }
            i++;
        }
        return values;
    }

    private static String unescape(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length())
            {
                out.append(c);
                continue;
            }
            final char e = text.charAt(++i);
            switch (e)
            {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' ->
                {
                    out.append((char)Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
