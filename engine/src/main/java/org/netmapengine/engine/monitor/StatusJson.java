package org.netmapengine.engine.monitor;

import org.netmapengine.engine.cluster.JvmSnapshot;
import org.netmapengine.engine.cluster.ControlReceiver;
import org.netmapengine.engine.cluster.NodeSnapshot;
import org.netmapengine.engine.cluster.PortSnapshot;
import org.netmapengine.engine.cluster.StageSnapshot;

/**
 * A monitor's view as JSON, what {@code GET /status} serves: members, membership events with their times,
 * every packet node's latest snapshot, and the latest control requests with their answers.
 * <pre>{@code
 * {"time": 1764000000000, "self": "127.0.0.1:25520",
 *  "members": [{"node": "127.0.0.1:25521", "status": "up", "reachable": true, "roles": ["packet"], ...}],
 *  "events": [{"time": ..., "event": "up", "node": "127.0.0.1:25521", "roles": ["packet"]}],
 *  "eventCounts": {"joined": 2, "up": 3, ...},
 *  "nodes": [{"node": "127.0.0.1:25521", "ports": [...], "stages": [...], "jvm": {...}}],
 *  "control": [{"time": ..., "node": ..., "action": "reload", "ok": false, "errors": [...]}]}
 * }</pre>
 * Times are milliseconds since the epoch.
 */
public final class StatusJson
{
    private StatusJson()
    {
    }

    public static String render(final ClusterView view)
    {
        final Json json = new Json().beginObject()
            .field("time", view.timeMillis())
            .field("self", view.self());
        json.name("members").beginArray();
        for (final ClusterView.Member m : view.members())
        {
            json.beginObject().field("node", m.node()).field("address", m.address()).field("incarnation", m.incarnation())
                .strings("roles", m.roles()).field("status", m.status()).field("reachable", m.reachable())
                .field("since", m.sinceMillis()).endObject();
        }
        json.endArray();
        json.name("events").beginArray();
        for (final ClusterView.Event e : view.events())
        {
            json.beginObject().field("time", e.timeMillis()).field("event", e.kind()).field("node", e.node())
                .strings("roles", e.roles()).endObject();
        }
        json.endArray();
        json.longs("eventCounts", view.eventCounts());
        json.name("nodes").beginArray();
        view.nodes().forEach(node -> node(json, node));
        json.endArray();
        json.name("control").beginArray();
        view.control().forEach(c -> control(json.beginObject().field("time", c.timeMillis()), c.result()).endObject());
        json.endArray();
        return json.endObject().toString();
    }

    /** @return one control answer as a JSON object. */
    public static String render(final ControlReceiver.ControlResult result)
    {
        return control(new Json().beginObject(), result).endObject().toString();
    }

    private static Json control(final Json json, final ControlReceiver.ControlResult r)
    {
        return json.field("node", r.node()).field("action", r.action()).field("pipeline", r.pipeline())
            .field("ok", r.ok()).strings("errors", r.errors()).field("leaked", r.leaked())
            .field("accounting", r.accounting());
    }

    private static void node(final Json json, final ClusterView.Node node)
    {
        final NodeSnapshot s = node.snapshot();
        json.beginObject().field("node", s.node()).field("incarnation", s.incarnation()).strings("roles", s.roles())
            .field("status", node.status()).field("reachable", node.reachable())
            .field("sequence", s.sequence()).field("taken", s.wallMillis()).field("received", node.receivedMillis())
            .field("uptimeMillis", s.uptimeMillis()).strings("pipelines", s.pipelines());
        json.name("ports").beginArray();
        for (final PortSnapshot p : s.ports())
        {
            json.beginObject().field("pipeline", p.pipeline()).field("port", p.port()).field("netmapName", p.netmapName())
                .field("backend", p.backend()).field("rxPackets", p.rxPackets()).field("rxBytes", p.rxBytes())
                .field("txPackets", p.txPackets()).field("txBytes", p.txBytes()).longs("dropped", p.dropped())
                .field("txFull", p.txFull()).field("txErrors", p.txErrors()).field("freeBuffers", p.freeBuffers())
                .field("buffers", p.buffers()).field("inFlight", p.inFlight())
                .field("kernelDropped", p.kernelDropped()).field("oversizeDropped", p.oversizeDropped()).endObject();
        }
        json.endArray();
        json.name("stages").beginArray();
        for (final StageSnapshot st : s.stages())
        {
            json.beginObject().field("pipeline", st.pipeline()).field("stage", st.stage())
                .field("instances", st.instances()).field("in", st.in()).field("out", st.out())
                .longs("dropped", st.dropped()).field("errors", st.errors()).field("inFlight", st.inFlight())
                .field("leaked", st.leaked()).field("restarts", st.restarts()).endObject();
        }
        json.endArray();
        final JvmSnapshot jvm = s.jvm();
        json.name("jvm").beginObject().field("heapUsed", jvm.heapUsed()).field("heapCommitted", jvm.heapCommitted())
            .field("heapMax", jvm.heapMax()).field("threads", jvm.threads());
        json.name("gc").beginArray();
        jvm.collectors().forEach(gc -> json.beginObject().field("name", gc.name()).field("collections", gc.collections())
            .field("millis", gc.millis()).endObject());
        json.endArray().endObject();
        json.endObject();
    }
}
