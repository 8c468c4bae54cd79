package org.netmapengine.engine.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorSystem;
import akka.cluster.Member;
import akka.cluster.typed.Cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a node is in the cluster: its name for people and metrics ({@code host:port} of its address), its
 * incarnation (a restarted node at the same address has a new one) and its roles.
 */
public record NodeIdentity(String node, long incarnation, List<String> roles)
{
    public static NodeIdentity of(final ActorSystem<?> system)
    {
        return of(Cluster.get(system).selfMember());
    }

    public static NodeIdentity of(final Member member)
    {
        return new NodeIdentity(label(member.address()), member.uniqueAddress().longUid(), roles(member));
    }

    /** @return {@code host:port} of {@code address}, the name of a node at the monitor. */
    public static String label(final Address address)
    {
        return address.getHost().orElse("?") + ":" + address.getPort().map(String::valueOf).orElse("?");
    }

    /** @return the member's roles without Akka's own data-center role, sorted. */
    public static List<String> roles(final Member member)
    {
        final List<String> roles = new ArrayList<>();
        for (final String role : member.getRoles())
        {
            if (!role.startsWith("dc-"))
            {
                roles.add(role);
            }
        }
        roles.sort(null);
        return roles;
    }
}
