package org.netmapengine.engine.serialization;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * A typed {@link ActorRef} on the wire: its serialization format ({@code akka://system@host:port/path#uid}),
 * resolved again on the receiving node.
 */
final class ActorRefSerializer extends Serializer<ActorRef<?>>
{
    private final ActorRefResolver resolver;

    ActorRefSerializer(final ActorRefResolver resolver)
    {
        super(false, true);
        this.resolver = resolver;
    }

    @Override
    public void write(final Kryo kryo, final Output output, final ActorRef<?> ref)
    {
        output.writeString(resolver.toSerializationFormat(ref));
    }

    @Override
    public ActorRef<?> read(final Kryo kryo, final Input input, final Class<? extends ActorRef<?>> type)
    {
        return resolver.resolveActorRef(input.readString());
    }
}
