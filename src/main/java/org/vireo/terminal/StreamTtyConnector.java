package org.vireo.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A terminal session over a pair of byte streams (an SSH channel, a console stream): UTF-8 in
 * both directions, resize and close handed to the owner.
 */
public final class StreamTtyConnector implements TtyConnector {

    private final String name;
    private final Reader reader;
    private final OutputStream out;
    private final BooleanSupplier open;
    private final Consumer<TermSize> resizer;
    private final Runnable closer;
    private volatile boolean closed;

    public StreamTtyConnector(String name, InputStream in, OutputStream out, BooleanSupplier open,
                              Consumer<TermSize> resizer, Runnable closer) {
        this.name = name;
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.out = out;
        this.open = open;
        this.resizer = resizer;
        this.closer = closer;
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        return reader.read(buf, offset, length);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void write(String string) throws IOException {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return !closed && open.getAsBoolean();
    }

    @Override
    public void resize(TermSize size) {
        if (isConnected()) {
            resizer.accept(size);
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (isConnected()) {
            Thread.sleep(200);
        }
        return 0;
    }

    @Override
    public boolean ready() throws IOException {
        return reader.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closer.run();
        }
    }
}
