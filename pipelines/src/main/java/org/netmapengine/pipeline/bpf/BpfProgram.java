package org.netmapengine.pipeline.bpf;

import java.util.Arrays;

import static org.netmapengine.pipeline.bpf.BpfDescriptor.*;

/**
 * A checked classic BPF program: instructions as four parallel {@code int} arrays (code, jt, jf, k), validated once
 * as libpcap's {@code bpf_validate} does, so {@link BpfMachine} can run it without checks on the program itself.
 * <p>
 * Immutable; thread-safe.
 */
public final class BpfProgram
{
    private final int[] code;
    private final int[] jt;
    private final int[] jf;
    private final int[] k;

    private BpfProgram(final int[] code, final int[] jt, final int[] jf, final int[] k)
    {
        this.code = code;
        this.jt = jt;
        this.jf = jf;
        this.k = k;
    }

    /**
     * @param instructions {@code code, jt, jf, k} per instruction, four ints each.
     * @return the program.
     * @throws IllegalArgumentException naming the first instruction that is not valid, and why.
     */
    public static BpfProgram of(final int[] instructions)
    {
        if (0 != instructions.length % 4)
        {
            throw new IllegalArgumentException("instructions come in fours (code, jt, jf, k): length=" +
                instructions.length);
        }
        final int count = instructions.length / 4;
        if (count < 1 || count > MAX_INSTRUCTIONS)
        {
            throw new IllegalArgumentException("a program has 1 to " + MAX_INSTRUCTIONS + " instructions: count=" +
                count);
        }
        final int[] code = new int[count];
        final int[] jt = new int[count];
        final int[] jf = new int[count];
        final int[] k = new int[count];
        for (int pc = 0; pc < count; pc++)
        {
            code[pc] = instructions[4 * pc];
            jt[pc] = instructions[4 * pc + 1];
            jf[pc] = instructions[4 * pc + 2];
            k[pc] = instructions[4 * pc + 3];
        }
        final BpfProgram program = new BpfProgram(code, jt, jf, k);
        program.validate();
        return program;
    }

    /** @return the number of instructions. */
    public int length()
    {
        return code.length;
    }

    public int code(final int pc)
    {
        return code[pc];
    }

    public int jt(final int pc)
    {
        return jt[pc];
    }

    public int jf(final int pc)
    {
        return jf[pc];
    }

    public int k(final int pc)
    {
        return k[pc];
    }

    int[] codes()
    {
        return code;
    }

    int[] jts()
    {
        return jt;
    }

    int[] jfs()
    {
        return jf;
    }

    int[] ks()
    {
        return k;
    }

    /** @return the program as {@code tcpdump -d} numbers it, one {@code (code, jt, jf, k)} per line. */
    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder();
        for (int pc = 0; pc < code.length; pc++)
        {
            sb.append(String.format("(%03d) code=0x%02x jt=%d jf=%d k=0x%x%n", pc, code[pc], jt[pc], jf[pc], k[pc]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof BpfProgram && Arrays.equals(code, ((BpfProgram)o).code) &&
            Arrays.equals(jt, ((BpfProgram)o).jt) && Arrays.equals(jf, ((BpfProgram)o).jf) &&
            Arrays.equals(k, ((BpfProgram)o).k);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(code) * 31 + Arrays.hashCode(k);
    }

    private void validate()
    {
        final int count = code.length;
        for (int pc = 0; pc < count; pc++)
        {
            final int c = code[pc];
            final String problem = problem(pc, c, count);
            if (null != problem)
            {
                throw new IllegalArgumentException("instruction " + pc + " (code=0x" + Integer.toHexString(c) +
                    " k=" + Integer.toUnsignedString(k[pc]) + "): " + problem);
            }
        }
        if (RET != instructionClass(code[count - 1]))
        {
            throw new IllegalArgumentException("instruction " + (count - 1) + ": the last instruction must be a " +
                "return");
        }
    }

    private String problem(final int pc, final int c, final int count)
    {
        if (c < 0 || c > 0xFFFF || jt[pc] < 0 || jt[pc] > 0xFF || jf[pc] < 0 || jf[pc] > 0xFF)
        {
            return "fields out of range";
        }
        switch (instructionClass(c))
        {
            case LD:
            case LDX:
                return loadProblem(pc, c);

            case ST:
            case STX:
                return c != instructionClass(c) ? "unknown store" :
                    Integer.compareUnsigned(k[pc], MEMORY_WORDS) >= 0 ? "memory index out of range" : null;

            case ALU:
                return aluProblem(pc, c);

            case JMP:
                return jumpProblem(pc, c, count);

            case RET:
                return c != (RET | K) && c != (RET | A) ? "unknown return" : null;

            case MISC:
            default:
                return c != (MISC | TAX) && c != (MISC | TXA) ? "unknown instruction" : null;
        }
    }

    private String loadProblem(final int pc, final int c)
    {
        final boolean ldx = LDX == instructionClass(c);
        final int mode = mode(c);
        final int size = size(c);
        if (ldx)
        {
            final boolean valid = (W == size && (IMM == mode || MEM == mode || LEN == mode)) ||
                (B == size && MSH == mode);
            if (!valid)
            {
                return "unknown LDX";
            }
        }
        else
        {
            final boolean packet = ABS == mode || IND == mode;
            final boolean valid = (packet && (W == size || H == size || B == size)) ||
                (W == size && (IMM == mode || MEM == mode || LEN == mode));
            if (!valid)
            {
                return "unknown LD";
            }
        }
        if (MEM == mode && Integer.compareUnsigned(k[pc], MEMORY_WORDS) >= 0)
        {
            return "memory index out of range";
        }
        return null;
    }

    private String aluProblem(final int pc, final int c)
    {
        final int operation = operation(c);
        if ((c & ~(0xF0 | 0x08 | 0x07)) != 0 || operation > XOR || (NEG == operation && X == source(c)))
        {
            return "unknown ALU operation";
        }
        if ((DIV == operation || MOD == operation) && K == source(c) && 0 == k[pc])
        {
            return "division by constant zero";
        }
        return null;
    }

    private String jumpProblem(final int pc, final int c, final int count)
    {
        final int operation = operation(c);
        if ((c & ~(0xF0 | 0x08 | 0x07)) != 0 || operation > JSET || (JA == operation && X == source(c)))
        {
            return "unknown jump";
        }
        if (JA == operation)
        {
            return Integer.compareUnsigned(k[pc], count - pc - 1) >= 0 ? "jump past the end" : null;
        }
        return pc + 1 + jt[pc] >= count || pc + 1 + jf[pc] >= count ? "jump past the end" : null;
    }
}
