package org.netmapengine.engine.serialization;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.JSerializer;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;

/**
 * Akka serializer for every {@link NodeMessage}, with Kryo: registration required (the classes and fixed ids of
 * {@link KryoRegistrations}), no references, typed {@code ActorRef}s as their serialization format. Bound in the
 * engine's {@code reference.conf}:
 * <pre>
 * akka.actor.serializers.netmap-kryo = "org.netmapengine.engine.serialization.KryoSerializer"
 * akka.actor.serialization-bindings."org.netmapengine.engine.serialization.NodeMessage" = netmap-kryo
 * </pre>
 * Thread-safe: Kryo instances and buffers come from pools (a Kryo is not thread-safe, and Akka serializes on many
 * threads). A class that is not registered fails with an {@link IllegalArgumentException} that says so.
 */
public final class KryoSerializer extends JSerializer
{
    /** The serializer's id on the wire ("NME1"); Akka reserves 0 to 40. */
    public static final int IDENTIFIER = 0x4E4D4531;
    /** Largest message it writes: more than Artery's default maximum frame (256 KiB) anyway. */
    static final int MAX_BUFFER = 16 << 20;

    private final Pool<Kryo> kryos;
    private final Pool<Output> outputs;
    private final Pool<Input> inputs;

    public KryoSerializer(final ExtendedActorSystem system)
    {
        final ClassLoader loader = system.dynamicAccess().classLoader();
        this.kryos = new Pool<>(true, false, 16)
        {
            @Override
            protected Kryo create()
            {
                // Resolved lazily: the serializer is built while the ActorSystem starts, before extensions can be.
                return KryoRegistrations.newKryo(ActorRefResolver.get(Adapter.toTyped(system)), loader);
            }
        };
        this.outputs = new Pool<>(true, false, 16)
        {
            @Override
            protected Output create()
            {
                return new Output(4096, MAX_BUFFER);
            }
        };
        this.inputs = new Pool<>(true, false, 16)
        {
            @Override
            protected Input create()
            {
                return new Input();
            }
        };
    }

    @Override
    public int identifier()
    {
        return IDENTIFIER;
    }

    @Override
    public boolean includeManifest()
    {
        return false;
    }

    @Override
    public byte[] toBinary(final Object message)
    {
        final Kryo kryo = kryos.obtain();
        final Output output = outputs.obtain();
        try
        {
            output.reset();
            kryo.writeClassAndObject(output, message);
            return output.toBytes();
        }
        catch (final IllegalArgumentException | KryoException e)
        {
            throw notRegistered(message.getClass(), e);
        }
        finally
        {
            outputs.free(output);
            kryos.free(kryo);
        }
    }

    @Override
    public Object fromBinaryJava(final byte[] bytes, final Class<?> manifest)
    {
        final Kryo kryo = kryos.obtain();
        final Input input = inputs.obtain();
        try
        {
            input.setBuffer(bytes);
            return kryo.readClassAndObject(input);
        }
        finally
        {
            input.setBuffer(new byte[0]);
            inputs.free(input);
            kryos.free(kryo);
        }
    }

    private static RuntimeException notRegistered(final Class<?> type, final RuntimeException e)
    {
        final String message = String.valueOf(e.getMessage());
        if (message.contains("Class is not registered"))
        {
            final String unregistered = message.replaceFirst("(?s).*Class is not registered: ([^\\s]+).*", "$1");
            return new IllegalArgumentException("netmap-engine Kryo: cannot serialize " + type.getName() + ": class " +
                unregistered + " is not registered; give it a fixed id in " + KryoRegistrations.class.getName() +
                " (and use ArrayList or LinkedHashMap in messages, never List.of or Map.of)", e);
        }
        return new IllegalArgumentException("netmap-engine Kryo: cannot serialize " + type.getName() + ": " + message, e);
    }
}
