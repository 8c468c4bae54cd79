package org.netmapengine.io.name;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A port name built from the grammar, with the fields parsing it must produce.
 * <p>
 * It writes the free choices the grammar allows (flag order and repeats, flags split around {@code @N}, a repeated
 * {@code @N}, '_' in keys, key order, option order, '=' or ':' forms) so the parser meets them all.
 */
record GeneratedPortName(String text, PortHeader header, Registration registration, PortOptions options)
{
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final String PATH_CHARS = "abcXYZ019/._-";
    private static final String[] CONF_KEYS =
        { "rings", "host-rings", "slots", "tx-rings", "rx-rings", "host-tx-rings", "host-rx-rings", "tx-slots", "rx-slots" };
    private static final String[] EXTMEM_KEYS = { "if-num", "if-size", "ring-num", "ring-size", "buf-num", "buf-size" };

    static GeneratedPortName generate(final Random random)
    {
        final StringBuilder text = new StringBuilder();
        final PortHeader header = header(random, text);
        final Registration registration = registration(random, text);
        final PortOptions options = options(random, text);

        return new GeneratedPortName(text.toString(), header, registration, options);
    }

    public String toString()
    {
        return text;
    }

    private static PortHeader header(final Random random, final StringBuilder text)
    {
        final int start = text.length();
        final Prefix prefix = random.nextBoolean() ? Prefix.NETMAP : Prefix.VALE;
        String switchId = null;
        if (Prefix.NETMAP == prefix)
        {
            text.append("netmap:");
        }
        else
        {
            switchId = word(random, ID_CHARS, 0, 5);
            text.append("vale").append(switchId).append(':');
        }
        final int kernelStart = Prefix.NETMAP == prefix ? text.length() : start;
        text.append(word(random, Prefix.NETMAP == prefix ? ID_CHARS + "." : ID_CHARS, 1, 10));
        final String parent = text.substring(kernelStart);

        final PipeEnd pipeEnd = PipeEnd.values()[random.nextInt(3)];
        String pipeId = null;
        if (PipeEnd.NONE != pipeEnd)
        {
            pipeId = word(random, ID_CHARS, 1, 6);
            text.append(pipeEnd.separator()).append(pipeId);
        }

        return new PortHeader(prefix, switchId, parent, pipeEnd, pipeId, text.substring(kernelStart));
    }

    private static Registration registration(final Random random, final StringBuilder text)
    {
        final RegMode mode = List.of(RegMode.ALL_NIC, RegMode.SW, RegMode.ONE_SW, RegMode.NIC_SW, RegMode.ONE_NIC)
            .get(random.nextInt(5));
        final int ringId = mode.usesRingId() ? smallOrAny(random, 4095) : 0;
        switch (mode)
        {
            case SW:
                text.append('^');
                break;

            case ONE_SW:
                text.append('^').append(ringId);
                break;

            case NIC_SW:
                text.append('*');
                break;

            case ONE_NIC:
                text.append('-').append(ringId);
                break;

            default:
                break;
        }

        final String letters = word(random, PortFlag.LETTERS, 0, 6);
        long flags = 0;
        for (int i = 0; i < letters.length(); i++)
        {
            flags |= PortFlag.fromLetter(letters.charAt(i)).bit();
        }
        final int memId = random.nextBoolean() ? 0 : 1 + smallOrAny(random, 65535);
        final String at = "@" + memId;
        if (letters.isEmpty())
        {
            text.append(0 == memId ? "" : random.nextBoolean() ? at : at + at);
        }
        else if (0 == memId)
        {
            text.append('/').append(letters);
        }
        else
        {
            final int split = 1 + random.nextInt(letters.length());
            switch (random.nextInt(4))
            {
                case 0:
                    text.append('/').append(letters).append(at);
                    break;

                case 1:
                    text.append(at).append('/').append(letters);
                    break;

                case 2:
                    text.append(at).append('/').append(letters).append(at);
                    break;

                default:
                    text.append('/').append(letters, 0, split).append(at);
                    if (split < letters.length())
                    {
                        text.append('/').append(letters, split, letters.length());
                    }
                    break;
            }
        }

        return new Registration(mode, ringId, flags, memId);
    }

    private static PortOptions options(final Random random, final StringBuilder text)
    {
        final List<String> parts = new ArrayList<>();
        final ConfOption conf = random.nextInt(3) == 0 ? conf(random, parts) : null;
        final ExtmemOption extmem = random.nextInt(3) == 0 ? extmem(random, parts) : null;
        final OffsetOption offset = random.nextInt(3) == 0 ? offset(random, parts) : null;
        final ShareOption share = random.nextInt(3) == 0 ? share(random, parts) : null;
        Collections.shuffle(parts, random);
        parts.forEach(text::append);

        return new PortOptions(conf, extmem, offset, share, null);
    }

    private static ConfOption conf(final Random random, final List<String> parts)
    {
        final long[] values = new long[CONF_KEYS.length];
        final List<String> pairs = new ArrayList<>();
        for (int i = 0; i < CONF_KEYS.length; i++)
        {
            values[i] = ConfOption.NOT_SET;
            if (random.nextBoolean())
            {
                values[i] = CONF_KEYS[i].endsWith("slots") ?
                    smallOrAny(random, ConfOption.MAX_SLOTS + 1) : smallOrAny(random, ConfOption.MAX_RINGS + 1);
                pairs.add(key(random, CONF_KEYS[i]) + "=" + values[i]);
            }
        }
        Collections.shuffle(pairs, random);
        parts.add("@conf:" + String.join(",", pairs));

        return new ConfOption(
            (int)values[0], (int)values[1], values[2], (int)values[3], (int)values[4], (int)values[5], (int)values[6],
            values[7], values[8]);
    }

    private static ExtmemOption extmem(final Random random, final List<String> parts)
    {
        final long[] values = new long[EXTMEM_KEYS.length];
        final List<String> pairs = new ArrayList<>();
        for (int i = 0; i < EXTMEM_KEYS.length; i++)
        {
            values[i] = ExtmemOption.NOT_SET;
            if (random.nextInt(3) == 0)
            {
                values[i] = smallOrAny(random, ExtmemOption.MAX_VALUE + 1);
                pairs.add(key(random, EXTMEM_KEYS[i]) + "=" + values[i]);
            }
        }

        final String file;
        if (pairs.isEmpty() && random.nextBoolean())
        {
            // Only the '=' form can carry ',', '=' and ':' in the value.
            file = word(random, PATH_CHARS + ",=:", 1, 12);
            parts.add("@extmem=" + file);
        }
        else
        {
            file = word(random, PATH_CHARS, 1, 12);
            pairs.add("file=" + file);
            Collections.shuffle(pairs, random);
            parts.add("@extmem:" + String.join(",", pairs));
        }

        return new ExtmemOption(file, values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    private static OffsetOption offset(final Random random, final List<String> parts)
    {
        final long initial = smallOrAny(random, Long.MAX_VALUE);
        final int bits = random.nextBoolean() ? OffsetOption.NOT_SET : random.nextInt(OffsetOption.MAX_BITS + 1);
        if (OffsetOption.NOT_SET == bits && random.nextBoolean())
        {
            parts.add("@offset=" + initial);
        }
        else
        {
            final List<String> pairs = new ArrayList<>();
            pairs.add("initial=" + initial);
            if (OffsetOption.NOT_SET != bits)
            {
                pairs.add("bits=" + bits);
            }
            Collections.shuffle(pairs, random);
            parts.add("@offset:" + String.join(",", pairs));
        }

        return new OffsetOption(initial, bits);
    }

    private static ShareOption share(final Random random, final List<String> parts)
    {
        final StringBuilder port = new StringBuilder();
        final PortHeader header = header(random, port);
        parts.add((random.nextBoolean() ? "@share=" : "@share:port=") + port);

        return new ShareOption(port.toString(), header.kernelName());
    }

    private static String key(final Random random, final String key)
    {
        return random.nextBoolean() ? key : key.replace('-', '_');
    }

    private static String word(final Random random, final String chars, final int minLength, final int maxLength)
    {
        final int length = minLength + random.nextInt(maxLength - minLength + 1);
        final StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }

        return sb.toString();
    }

    // Small values are what people write; the bound probes the edge of each field.
    private static int smallOrAny(final Random random, final int bound)
    {
        return (int)smallOrAny(random, (long)bound);
    }

    private static long smallOrAny(final Random random, final long bound)
    {
        switch (random.nextInt(4))
        {
            case 0:
                return random.nextInt((int)Math.min(bound, 16));

            case 1:
                return bound - 1;

            default:
                return (long)(random.nextDouble() * bound);
        }
    }
}
