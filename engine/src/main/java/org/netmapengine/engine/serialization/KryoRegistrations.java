package org.netmapengine.engine.serialization;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import com.esotericsoftware.kryo.Kryo;
import org.netmapengine.engine.cluster.JvmSnapshot;
import org.netmapengine.engine.cluster.ControlReceiver;
import org.netmapengine.engine.cluster.NodeSnapshot;
import org.netmapengine.engine.cluster.PortSnapshot;
import org.netmapengine.engine.cluster.StageSnapshot;
import org.netmapengine.engine.monitor.MonitorAggregator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Every class that crosses nodes, with its fixed Kryo id: the wire format. Ids are never reused or renumbered
 * (a node with another numbering cannot read this one's messages); a new class takes a new id.
 * <pre>
 *   100-199  JDK and Akka classes messages hold
 *   200-299  what packet nodes publish (snapshots)
 *   300-399  control: requests to packet nodes and their answers
 * </pre>
 * Kryo's own ids below 100 cover primitives, their boxes and {@code String}.
 */
public final class KryoRegistrations
{
    /** One registered class. */
    public record Entry(int id, Class<?> type)
    {
    }

    /** The akka-internal class of every typed {@code ActorRef}: registered, written by its own serializer. */
    static final String ACTOR_REF_CLASS = "akka.actor.typed.internal.adapter.ActorRefAdapter";

    private KryoRegistrations()
    {
    }

    /** @return every registered class with its id. */
    public static List<Entry> entries()
    {
        final List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(100, ArrayList.class));
        entries.add(new Entry(101, LinkedHashMap.class));
        entries.add(new Entry(102, actorRefClass()));

        entries.add(new Entry(200, MonitorAggregator.Publish.class));
        entries.add(new Entry(201, NodeSnapshot.class));
        entries.add(new Entry(202, PortSnapshot.class));
        entries.add(new Entry(203, StageSnapshot.class));
        entries.add(new Entry(204, JvmSnapshot.class));
        entries.add(new Entry(205, JvmSnapshot.Gc.class));

        entries.add(new Entry(300, ControlReceiver.StopPipeline.class));
        entries.add(new Entry(301, ControlReceiver.StartPipeline.class));
        entries.add(new Entry(302, ControlReceiver.ReloadPipeline.class));
        entries.add(new Entry(303, ControlReceiver.ControlResult.class));
        return entries;
    }

    /**
     * @param resolver turns typed actor references into strings and back, on this node.
     * @return a Kryo that knows every registered class and refuses every other.
     */
    static Kryo newKryo(final ActorRefResolver resolver, final ClassLoader loader)
    {
        final Kryo kryo = new Kryo();
        kryo.setClassLoader(loader);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        // Before registering: a class takes its default serializer when it is registered.
        kryo.addDefaultSerializer(ActorRef.class, new ActorRefSerializer(resolver));
        for (final Entry entry : entries())
        {
            kryo.register(entry.type(), entry.id());
        }
        return kryo;
    }

    private static Class<?> actorRefClass()
    {
        try
        {
            return Class.forName(ACTOR_REF_CLASS, false, KryoRegistrations.class.getClassLoader());
        }
        catch (final ClassNotFoundException e)
        {
            throw new IllegalStateException("Akka's typed ActorRef class moved: " + ACTOR_REF_CLASS, e);
        }
    }
}
