package org.netmapengine.pipeline.bpf;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

import static org.netmapengine.pipeline.bpf.BpfDescriptor.*;

/**
 * Runs a {@link BpfProgram} over a packet in place, as libpcap's {@code bpf_filter} does: an interpreter over the
 * program's {@code int} arrays, one {@code switch} per instruction, no allocation. Loads past the end of the
 * packet and division by zero reject the packet (return 0).
 * <p>
 * Not thread-safe: the scratch memory is the machine's. One machine per stage instance.
 */
public final class BpfMachine
{
    private static final ByteOrder NETWORK = ByteOrder.BIG_ENDIAN;

    private final int[] code;
    private final int[] jt;
    private final int[] jf;
    private final int[] k;
    private final int[] memory = new int[MEMORY_WORDS];

    public BpfMachine(final BpfProgram program)
    {
        this.code = program.codes();
        this.jt = program.jts();
        this.jf = program.jfs();
        this.k = program.ks();
    }

    /**
     * @param packet     the packet's bytes, from offset 0.
     * @param length     bytes of the packet that may be read (the capture length).
     * @param wireLength the packet's length on the wire, what {@code len} loads.
     * @return what the program returns: 0 rejects the packet, anything else accepts it (as many bytes to keep).
     */
    public int run(final DirectBuffer packet, final int length, final int wireLength)
    {
        final int[] code = this.code;
        final int[] k = this.k;
        final int[] m = memory;
        int a = 0;
        int x = 0;
        int pc = 0;
        while (true)
        {
            final int c = code[pc];
            final int kk = k[pc];
            switch (c)
            {
                case RET | K:
                    return kk;

                case RET | A:
                    return a;

                case LD | W | ABS:
                    if (outside(kk, 4, length))
                    {
                        return 0;
                    }
                    a = packet.getInt(kk, NETWORK);
                    break;

                case LD | H | ABS:
                    if (outside(kk, 2, length))
                    {
                        return 0;
                    }
                    a = packet.getShort(kk, NETWORK) & 0xFFFF;
                    break;

                case LD | B | ABS:
                    if (outside(kk, 1, length))
                    {
                        return 0;
                    }
                    a = packet.getByte(kk) & 0xFF;
                    break;

                case LD | W | IND:
                    if (outside(x + kk, 4, length) || overflows(x, kk))
                    {
                        return 0;
                    }
                    a = packet.getInt(x + kk, NETWORK);
                    break;

                case LD | H | IND:
                    if (outside(x + kk, 2, length) || overflows(x, kk))
                    {
                        return 0;
                    }
                    a = packet.getShort(x + kk, NETWORK) & 0xFFFF;
                    break;

                case LD | B | IND:
                    if (outside(x + kk, 1, length) || overflows(x, kk))
                    {
                        return 0;
                    }
                    a = packet.getByte(x + kk) & 0xFF;
                    break;

                case LD | W | LEN:
                    a = wireLength;
                    break;

                case LDX | W | LEN:
                    x = wireLength;
                    break;

                case LD | W | IMM:
                    a = kk;
                    break;

                case LDX | W | IMM:
                    x = kk;
                    break;

                case LD | W | MEM:
                    a = m[kk];
                    break;

                case LDX | W | MEM:
                    x = m[kk];
                    break;

                case LDX | B | MSH:
                    if (outside(kk, 1, length))
                    {
                        return 0;
                    }
                    x = (packet.getByte(kk) & 0xF) << 2;
                    break;

                case ST:
                    m[kk] = a;
                    break;

                case STX:
                    m[kk] = x;
                    break;

                case JMP | JA:
                    pc += kk;
                    break;

                case JMP | JGT | K:
                    pc += Integer.compareUnsigned(a, kk) > 0 ? jt[pc] : jf[pc];
                    break;

                case JMP | JGE | K:
                    pc += Integer.compareUnsigned(a, kk) >= 0 ? jt[pc] : jf[pc];
                    break;

                case JMP | JEQ | K:
                    pc += a == kk ? jt[pc] : jf[pc];
                    break;

                case JMP | JSET | K:
                    pc += 0 != (a & kk) ? jt[pc] : jf[pc];
                    break;

                case JMP | JGT | X:
                    pc += Integer.compareUnsigned(a, x) > 0 ? jt[pc] : jf[pc];
                    break;

                case JMP | JGE | X:
                    pc += Integer.compareUnsigned(a, x) >= 0 ? jt[pc] : jf[pc];
                    break;

                case JMP | JEQ | X:
                    pc += a == x ? jt[pc] : jf[pc];
                    break;

                case JMP | JSET | X:
                    pc += 0 != (a & x) ? jt[pc] : jf[pc];
                    break;

                case ALU | ADD | X:
                    a += x;
                    break;

                case ALU | SUB | X:
                    a -= x;
                    break;

                case ALU | MUL | X:
                    a *= x;
                    break;

                case ALU | DIV | X:
                    if (0 == x)
                    {
                        return 0;
                    }
                    a = Integer.divideUnsigned(a, x);
                    break;

                case ALU | MOD | X:
                    if (0 == x)
                    {
                        return 0;
                    }
                    a = Integer.remainderUnsigned(a, x);
                    break;

                case ALU | AND | X:
                    a &= x;
                    break;

                case ALU | OR | X:
                    a |= x;
                    break;

                case ALU | XOR | X:
                    a ^= x;
                    break;

                case ALU | LSH | X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a << x : 0;
                    break;

                case ALU | RSH | X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a >>> x : 0;
                    break;

                case ALU | ADD | K:
                    a += kk;
                    break;

                case ALU | SUB | K:
                    a -= kk;
                    break;

                case ALU | MUL | K:
                    a *= kk;
                    break;

                case ALU | DIV | K:
                    a = Integer.divideUnsigned(a, kk);
                    break;

                case ALU | MOD | K:
                    a = Integer.remainderUnsigned(a, kk);
                    break;

                case ALU | AND | K:
                    a &= kk;
                    break;

                case ALU | OR | K:
                    a |= kk;
                    break;

                case ALU | XOR | K:
                    a ^= kk;
                    break;

                case ALU | LSH | K:
                    a = Integer.compareUnsigned(kk, 32) < 0 ? a << kk : 0;
                    break;

                case ALU | RSH | K:
                    a = Integer.compareUnsigned(kk, 32) < 0 ? a >>> kk : 0;
                    break;

                case ALU | NEG:
                    a = -a;
                    break;

                case MISC | TAX:
                    x = a;
                    break;

                case MISC | TXA:
                    a = x;
                    break;

                default:
                    // BpfProgram validated every code; nothing else can be here.
                    return 0;
            }
            pc++;
        }
    }

    /** @return whether {@code size} bytes at unsigned {@code offset} reach past {@code length}. */
    private static boolean outside(final int offset, final int size, final int length)
    {
        return Integer.compareUnsigned(offset, length) >= 0 || size > length - offset;
    }

    /** @return whether {@code x + k} wraps around 32 bits (libpcap rejects such indirect loads). */
    private static boolean overflows(final int x, final int k)
    {
        return Integer.compareUnsigned(x + k, x) < 0;
    }
}
