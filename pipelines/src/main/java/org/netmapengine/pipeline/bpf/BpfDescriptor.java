package org.netmapengine.pipeline.bpf;

/**
 * Classic BPF (McCanne and Jacobson, 1993), as libpcap compiles filters into it: {@code struct bpf_insn}, 8 bytes,
 * and the fields of its opcode.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |          code (u16)           |    jt (u8)    |    jf (u8)    |   (code in host byte order)
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                            k (u32)                            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *  code:  class (3 low bits) | size or operation | mode or source
 *         LD/LDX:  size W H B (0x00 0x08 0x10),  mode IMM ABS IND MEM LEN MSH (0x00 0x20 0x40 0x60 0x80 0xa0)
 *         ALU/JMP: operation (0xf0 bits),        source K X (0x00 0x08)
 *         RET:     source K A (0x00 0x10)         MISC: TAX TXA (0x00 0x80)
 * </pre>
 * The machine has an accumulator A, an index register X and 16 words of scratch memory M, all 32 bits. Jumps go
 * forward only, by {@code jt} or {@code jf} (conditional) or {@code k} (JA) instructions after the next one, so
 * every program ends. A packet load past the end of the packet, or a division by zero, rejects the packet.
 */
public final class BpfDescriptor
{
    public static final int INSTRUCTION_SIZE = 8;
    public static final int CODE_OFFSET = 0;
    public static final int JT_OFFSET = 2;
    public static final int JF_OFFSET = 3;
    public static final int K_OFFSET = 4;

    /** Words of scratch memory. */
    public static final int MEMORY_WORDS = 16;
    /** libpcap's BPF_MAXINSNS. */
    public static final int MAX_INSTRUCTIONS = 4096;

    // ---------------------------------------------------------------- classes
    public static final int LD = 0x00;
    public static final int LDX = 0x01;
    public static final int ST = 0x02;
    public static final int STX = 0x03;
    public static final int ALU = 0x04;
    public static final int JMP = 0x05;
    public static final int RET = 0x06;
    public static final int MISC = 0x07;

    // ---------------------------------------------------------------- sizes and modes of loads
    public static final int W = 0x00;
    public static final int H = 0x08;
    public static final int B = 0x10;
    public static final int IMM = 0x00;
    public static final int ABS = 0x20;
    public static final int IND = 0x40;
    public static final int MEM = 0x60;
    public static final int LEN = 0x80;
    public static final int MSH = 0xA0;

    // ---------------------------------------------------------------- ALU and jump operations, sources
    public static final int ADD = 0x00;
    public static final int SUB = 0x10;
    public static final int MUL = 0x20;
    public static final int DIV = 0x30;
    public static final int OR = 0x40;
    public static final int AND = 0x50;
    public static final int LSH = 0x60;
    public static final int RSH = 0x70;
    public static final int NEG = 0x80;
    public static final int MOD = 0x90;
    public static final int XOR = 0xA0;
    public static final int JA = 0x00;
    public static final int JEQ = 0x10;
    public static final int JGT = 0x20;
    public static final int JGE = 0x30;
    public static final int JSET = 0x40;
    public static final int K = 0x00;
    public static final int X = 0x08;
    /** RET's source: the accumulator. */
    public static final int A = 0x10;
    public static final int TAX = 0x00;
    public static final int TXA = 0x80;

    private BpfDescriptor()
    {
    }

    public static int instructionClass(final int code)
    {
        return code & 0x07;
    }

    public static int size(final int code)
    {
        return code & 0x18;
    }

    public static int mode(final int code)
    {
        return code & 0xE0;
    }

    public static int operation(final int code)
    {
        return code & 0xF0;
    }

    public static int source(final int code)
    {
        return code & 0x08;
    }
}
