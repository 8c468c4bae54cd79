package org.netmapengine.engine.serialization;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmapengine.engine.NodeConfig;
import org.netmapengine.engine.cluster.JvmSnapshot;
import org.netmapengine.engine.cluster.ControlReceiver;
import org.netmapengine.engine.cluster.NodeSnapshot;
import org.netmapengine.engine.cluster.PortSnapshot;
import org.netmapengine.engine.cluster.StageSnapshot;
import org.netmapengine.engine.monitor.MonitorAggregator;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire format: every message that crosses nodes goes through our Kryo serializer, round-trips, and is
 * registered under the id it has always had; anything else fails here, loudly.
 */
class KryoSerializerTest
{
    private static ActorTestKit testKit;
    private static Serialization serialization;

    /** A message someone forgot to register. */
    record Forgotten(String text) implements NodeMessage
    {
    }

    @BeforeAll
    static void start()
    {
        // The node's own configuration: cluster provider, Java serialization off, the Kryo binding.
        testKit = ActorTestKit.create("kryo", NodeConfig.load(null).config());
        serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
    }

    @AfterAll
    static void stop()
    {
        testKit.shutdownTestKit();
    }

    static NodeSnapshot snapshot()
    {
        final Map<String, Long> drops = new LinkedHashMap<>();
        drops.put("drop", 3L);
        drops.put("no-buffer", 1L);
        return new NodeSnapshot("127.0.0.1:25521", 42, List.of("packet"), 9, 1_800_000_000_000L, 123_456_789L, 9000,
            List.of("default"),
            List.of(new PortSnapshot("default", "in", "netmap:default}0/R", "emulated", 100, 6000, 0, 0, drops, 0, 0,
                4000, 4096, 4, 5, 6)),
            List.of(new StageSnapshot("default", "classify", 2, 100, 97, drops, 1, 0, 0, 1)),
            JvmSnapshot.now());
    }

    private List<Object> messages()
    {
        final TestProbe<ControlReceiver.ControlResult> probe = testKit.createTestProbe();
        return List.of(
            new MonitorAggregator.Publish(snapshot()),
            new ControlReceiver.StopPipeline("default", probe.getRef()),
            new ControlReceiver.StartPipeline("default", probe.getRef()),
            new ControlReceiver.ReloadPipeline("default", "pipeline { ports { } }", probe.getRef()),
            new ControlReceiver.ControlResult("127.0.0.1:25521", "reload", "default", false,
                List.of("(inline):1: pipeline.ports.in.to: 'nowhere' is not a stage"), -1, ""));
    }

    @Test
    void shouldRoundTripEveryMessageThatCrossesNodesThroughKryo()
    {
        for (final Object message : messages())
        {
            final Serializer serializer = serialization.findSerializerFor(message);
            assertInstanceOf(KryoSerializer.class, serializer, message.getClass().getName());
            assertEquals(KryoSerializer.IDENTIFIER, serializer.identifier());

            final byte[] bytes = serialization.serialize(message).get();
            final Object back = serialization.deserialize(bytes, serializer.identifier(), "").get();

            assertEquals(message, back, message.getClass().getName());
        }
    }

    @Test
    void shouldWriteTypedActorRefsAsTheirAddressesAndResolveThemBack()
    {
        final TestProbe<ControlReceiver.ControlResult> probe = testKit.createTestProbe();
        final ControlReceiver.StopPipeline stop = new ControlReceiver.StopPipeline("default", probe.getRef());

        final ControlReceiver.StopPipeline back = (ControlReceiver.StopPipeline)serialization.deserialize(
            serialization.serialize(stop).get(), KryoSerializer.IDENTIFIER, "").get();
        back.replyTo().tell(new ControlReceiver.ControlResult("n", "stop", "default", true, List.of(), 0, ""));

        assertEquals(probe.getRef(), back.replyTo());
        assertEquals("default", probe.receiveMessage().pipeline());
    }

    @Test
    void shouldRegisterEveryNodeMessageClassAndEveryClassTheyHold() throws Exception
    {
        final Set<Class<?>> registered = new HashSet<>();
        KryoRegistrations.entries().forEach(e -> registered.add(e.type()));
        final List<Class<?>> messages = nodeMessageClasses();

        assertTrue(messages.size() >= 5, messages.toString());
        for (final Class<?> message : messages)
        {
            assertRegistered(message, registered, new HashSet<>());
        }
    }

    /** A message class, and every record class its components hold, directly or in lists and maps. */
    private static void assertRegistered(final Class<?> type, final Set<Class<?>> registered, final Set<Class<?>> seen)
    {
        if (!seen.add(type))
        {
            return;
        }
        assertTrue(registered.contains(type), type.getName() + " crosses nodes but is not in KryoRegistrations");
        for (final RecordComponent component : type.getRecordComponents())
        {
            for (final Class<?> held : classesIn(component.getGenericType()))
            {
                if (held.isRecord())
                {
                    assertRegistered(held, registered, seen);
                }
            }
        }
    }

    private static List<Class<?>> classesIn(final Type type)
    {
        final List<Class<?>> classes = new ArrayList<>();
        if (type instanceof Class<?> c)
        {
            classes.add(c);
        }
        else if (type instanceof ParameterizedType p)
        {
            for (final Type argument : p.getActualTypeArguments())
            {
                classes.addAll(classesIn(argument));
            }
        }
        return classes;
    }

    /** @return every class of the engine's main code that implements {@link NodeMessage}. */
    private static List<Class<?>> nodeMessageClasses() throws Exception
    {
        final Path classes = Path.of(NodeMessage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        final List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes))
        {
            for (final Path file : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".class"))::iterator)
            {
                final String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                final Class<?> type = Class.forName(name, false, KryoSerializerTest.class.getClassLoader());
                if (NodeMessage.class.isAssignableFrom(type) && !type.isInterface())
                {
                    found.add(type);
                }
            }
        }
        return found;
    }

    @Test
    void shouldKeepEveryClassUnderTheIdItHasOnTheWire()
    {
        final Map<Integer, String> wire = new LinkedHashMap<>();
        KryoRegistrations.entries().forEach(e -> wire.put(e.id(), e.type().getName()));

        // Changing an id breaks every node that still has the old one: add new ids, never renumber.
        assertEquals(Map.ofEntries(
            Map.entry(100, "java.util.ArrayList"),
            Map.entry(101, "java.util.LinkedHashMap"),
            Map.entry(102, "akka.actor.typed.internal.adapter.ActorRefAdapter"),
            Map.entry(200, "org.netmapengine.engine.monitor.MonitorAggregator$Publish"),
            Map.entry(201, "org.netmapengine.engine.cluster.NodeSnapshot"),
            Map.entry(202, "org.netmapengine.engine.cluster.PortSnapshot"),
            Map.entry(203, "org.netmapengine.engine.cluster.StageSnapshot"),
            Map.entry(204, "org.netmapengine.engine.cluster.JvmSnapshot"),
            Map.entry(205, "org.netmapengine.engine.cluster.JvmSnapshot$Gc"),
            Map.entry(300, "org.netmapengine.engine.cluster.ControlReceiver$StopPipeline"),
            Map.entry(301, "org.netmapengine.engine.cluster.ControlReceiver$StartPipeline"),
            Map.entry(302, "org.netmapengine.engine.cluster.ControlReceiver$ReloadPipeline"),
            Map.entry(303, "org.netmapengine.engine.cluster.ControlReceiver$ControlResult")), wire);
    }

    @Test
    void shouldFailLoudlyOnAMessageClassThatIsNotRegistered()
    {
        final Forgotten forgotten = new Forgotten("lost");
        assertInstanceOf(KryoSerializer.class, serialization.findSerializerFor(forgotten), "bound by its interface");

        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> serialization.serialize(forgotten).get());

        assertEquals("netmap-engine Kryo: cannot serialize " + Forgotten.class.getName() + ": class " +
            Forgotten.class.getName() + " is not registered; give it a fixed id in " +
            KryoRegistrations.class.getName() + " (and use ArrayList or LinkedHashMap in messages, never List.of or " +
            "Map.of)", e.getMessage());
    }

    @Test
    void shouldRefuseImmutableJdkCollectionsWhichRecordsCopyAway() throws Exception
    {
        final Serializer kryo = serialization.serializerFor(NodeMessage.class);

        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kryo.toBinary(List.of("a")));

        assertTrue(e.getMessage().contains("class java.util.ImmutableCollections$List12 is not registered"),
            e.getMessage());
        final ControlReceiver.ControlResult result = new ControlReceiver.ControlResult("n", "stop", "p", false, List.of("x"), -1, "");
        assertEquals(ArrayList.class, result.errors().getClass(), "the record copied List.of into an ArrayList");
        assertEquals(result, kryo.fromBinary(kryo.toBinary(result)));
    }

    @Test
    void shouldNotFallBackToJavaSerialization()
    {
        assertEquals(false, testKit.system().settings().config().getBoolean("akka.actor.allow-java-serialization"));

        assertTrue(serialization.serialize(new java.util.Date()).isFailure(), "a plain Serializable is refused");
    }

    @Test
    void shouldSerializeFromManyThreadsWithPooledKryos() throws Exception
    {
        final MonitorAggregator.Publish publish = new MonitorAggregator.Publish(snapshot());
        final Serializer kryo = serialization.findSerializerFor(publish);
        final ExecutorService threads = Executors.newFixedThreadPool(4);
        try
        {
            final List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++)
            {
                done.add(threads.submit(() ->
                {
                    int same = 0;
                    for (int i = 0; i < 5000; i++)
                    {
                        same += publish.equals(kryo.fromBinary(kryo.toBinary(publish))) ? 1 : 0;
                    }
                    return same;
                }));
            }
            for (final Future<Integer> f : done)
            {
                assertEquals(5000, f.get());
            }
        }
        finally
        {
            threads.shutdownNow();
        }
    }
}
