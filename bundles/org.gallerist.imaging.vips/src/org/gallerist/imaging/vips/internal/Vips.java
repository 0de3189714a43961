package org.gallerist.imaging.vips.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * The few functions of libvips' C API that Gallerist calls, bound through the JDK's foreign function API. libvips is
 * process-wide and thread-safe; {@code vips_init} may be called again. Only the loaders of the formats Gallerist
 * accepts stay enabled: every other loader (and all "untrusted" ones) is blocked at load, so no file ever reaches
 * ImageMagick, PDF, SVG, OpenSlide or matrix loaders through here. The JPEG XL loader is marked untrusted in 8.14
 * (libjxl was young) and is enabled on purpose: it is the one way to read the format, and it only runs on files the
 * header check named JPEG XL.
 */
final class Vips {

    /** The oldest release with {@code vips_operation_block_set}; Debian 12 ships 8.14. */
    static final int[] MINIMUM_VERSION = {8, 13};
    static final String LIBRARY = "libvips.so.42";
    static final List<String> ALLOWED_LOADERS = List.of("VipsForeignLoadJpeg", "VipsForeignLoadPng",
            "VipsForeignLoadNsgif", "VipsForeignLoadWebp", "VipsForeignLoadTiff", "VipsForeignLoadHeif",
            "VipsForeignLoadJxl");

    /** {@code VIPS_INTERPRETATION_sRGB} */
    static final int SRGB = 22;
    /** {@code VIPS_SIZE_DOWN}: never upscale. */
    static final int SIZE_DOWN = 2;
    /** {@code VIPS_FAIL_ON_TRUNCATED}: a truncated or damaged file fails instead of coming out partly grey. */
    static final int FAIL_ON_TRUNCATED = 1;

    private final MethodHandle errorBuffer;
    private final MethodHandle errorClear;
    private final MethodHandle objectUnref;
    private final MethodHandle free;
    private final MethodHandle width;
    private final MethodHandle height;
    private final MethodHandle bands;
    private final MethodHandle hasAlpha;
    private final MethodHandle copyMemory;
    private final MethodHandle writeToMemory;
    private final MethodHandle thumbnail;
    private final MethodHandle thumbnailImage;
    private final MethodHandle flatten;
    private final MethodHandle arrayDoubleNew;
    private final MethodHandle areaUnref;
    private final MethodHandle colourspace;
    private final MethodHandle castUchar;
    private final MethodHandle jpegsaveBuffer;
    private final MethodHandle findLoad;
    private final MethodHandle newFromFile;
    private final MethodHandle pageCount;
    private final MethodHandle typeOf;
    private final MethodHandle getBlob;
    private final String version;

    private Vips(SymbolLookup lib, Linker linker) throws Throwable {
        Binder bind = new Binder(lib, linker);
        MethodHandle init = bind.function("vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        MethodHandle versionNumber = bind.function("vips_version", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        int major = (int) versionNumber.invokeExact(0);
        int minor = (int) versionNumber.invokeExact(1);
        int micro = (int) versionNumber.invokeExact(2);
        this.version = major + "." + minor + "." + micro;
        if (major < MINIMUM_VERSION[0] || major == MINIMUM_VERSION[0] && minor < MINIMUM_VERSION[1]) {
            throw new UnsupportedOperationException("libvips " + version + " is older than "
                    + MINIMUM_VERSION[0] + "." + MINIMUM_VERSION[1]);
        }
        try (Arena arena = Arena.ofConfined()) {
            if ((int) init.invokeExact(arena.allocateFrom("gallerist")) != 0) {
                throw new IllegalStateException("vips_init failed");
            }
            MethodHandle cacheMax = bind.function("vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT));
            cacheMax.invokeExact(0); // every file is new: an operation cache would only hold memory and open files
            MethodHandle blockUntrusted = bind.function("vips_block_untrusted_set", FunctionDescriptor.ofVoid(JAVA_INT));
            blockUntrusted.invokeExact(1);
            MethodHandle block = bind.function("vips_operation_block_set",
                    FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
            block.invokeExact(arena.allocateFrom("VipsForeignLoad"), 1);
            for (String loader : ALLOWED_LOADERS) {
                block.invokeExact(arena.allocateFrom(loader), 0);
            }
        }
        this.errorBuffer = bind.function("vips_error_buffer", FunctionDescriptor.of(ADDRESS));
        this.errorClear = bind.function("vips_error_clear", FunctionDescriptor.ofVoid());
        this.objectUnref = bind.function("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
        this.free = bind.function("g_free", FunctionDescriptor.ofVoid(ADDRESS));
        this.width = bind.function("vips_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.height = bind.function("vips_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.bands = bind.function("vips_image_get_bands", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.hasAlpha = bind.function("vips_image_hasalpha", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.copyMemory = bind.function("vips_image_copy_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        this.writeToMemory = bind.function("vips_image_write_to_memory",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        // vips_thumbnail(filename, &out, width, "height", h, "size", s, "fail_on", f, NULL)
        this.thumbnail = bind.variadic("vips_thumbnail", 3, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        // vips_thumbnail_image(in, &out, width, "height", h, "size", s, NULL)
        this.thumbnailImage = bind.variadic("vips_thumbnail_image", 3, FunctionDescriptor.of(JAVA_INT, ADDRESS,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        // vips_flatten(in, &out, "background", array, NULL)
        this.flatten = bind.variadic("vips_flatten", 2,
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        this.arrayDoubleNew = bind.function("vips_array_double_new",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        this.areaUnref = bind.function("vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS));
        // vips_colourspace(in, &out, space, NULL)
        this.colourspace = bind.variadic("vips_colourspace", 3,
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        // vips_cast_uchar(in, &out, NULL)
        this.castUchar = bind.variadic("vips_cast_uchar", 2, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                ADDRESS));
        // vips_jpegsave_buffer(in, &buf, &len, "Q", q, "strip", TRUE, NULL)
        this.jpegsaveBuffer = bind.variadic("vips_jpegsave_buffer", 3, FunctionDescriptor.of(JAVA_INT, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        this.findLoad = bind.function("vips_foreign_find_load", FunctionDescriptor.of(ADDRESS, ADDRESS));
        // vips_image_new_from_file(name, NULL): reads the header only; pixels are decoded when first asked for
        this.newFromFile = bind.variadic("vips_image_new_from_file", 1,
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        this.pageCount = bind.function("vips_image_get_n_pages", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.typeOf = bind.function("vips_image_get_typeof", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
        this.getBlob = bind.function("vips_image_get_blob",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    }

    /** The library, set up, or empty with the reason when this machine lacks it (or has too old a release). */
    static Loaded load() {
        try {
            SymbolLookup lib = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
            return new Loaded(Optional.of(new Vips(lib, Linker.nativeLinker())), "");
        } catch (Throwable e) { // a missing library, a missing symbol, no native access: all mean "not here"
            return new Loaded(Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    record Loaded(Optional<Vips> vips, String whyNot) {
    }

    /** A libvips call failed; the message is libvips' own, for the log (it may name paths). */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** One reference to a {@code VipsImage}, given up on close. */
    final class Image implements AutoCloseable {
        private final MemorySegment pointer;

        private Image(MemorySegment pointer) {
            this.pointer = pointer;
        }

        int width() throws Throwable {
            return (int) width.invokeExact(pointer);
        }

        int height() throws Throwable {
            return (int) height.invokeExact(pointer);
        }

        int bands() throws Throwable {
            return (int) bands.invokeExact(pointer);
        }

        boolean hasAlpha() throws Throwable {
            return (int) hasAlpha.invokeExact(pointer) != 0;
        }

        @Override
        public void close() {
            try {
                objectUnref.invokeExact(pointer);
            } catch (Throwable e) {
                throw new IllegalStateException("g_object_unref failed", e);
            }
        }
    }

    String version() {
        return version;
    }

    /** Width and height as displayed, and the number of pages (or top-level images). */
    record Header(int width, int height, int pages) {
    }

    /**
     * The header of {@code file}, read by a loader of the {@code loaderFamily} (e.g. {@code VipsForeignLoadHeif})
     * and by no other: a file any other (or no) allowed loader claims fails.
     */
    Header header(String file, String loaderFamily) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(file);
            String chosen = loaderOf(file);
            if (!chosen.startsWith(loaderFamily)) {
                throw new Failure("libvips would read the file with " + chosen + ", not " + loaderFamily);
            }
            MemorySegment image = (MemorySegment) newFromFile.invokeExact(name, MemorySegment.NULL);
            if (image.equals(MemorySegment.NULL)) {
                throw new Failure(takeError());
            }
            try (Image header = new Image(image)) {
                return new Header(header.width(), header.height(), Math.max(1, (int) pageCount.invokeExact(image)));
            }
        }
    }

    /**
     * The metadata blocks (e.g. {@code exif-data}, {@code xmp-data}) the {@code loaderFamily}'s loader found in the
     * header of {@code file}, copied; a name the file lacks is {@code null}, and so is one over {@code maxBytes}.
     */
    byte[][] blobs(String file, String loaderFamily, int maxBytes, String... names) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            if (!loaderOf(file).startsWith(loaderFamily)) {
                throw new Failure("libvips would not read the file with " + loaderFamily);
            }
            MemorySegment image = (MemorySegment) newFromFile.invokeExact(arena.allocateFrom(file), MemorySegment.NULL);
            if (image.equals(MemorySegment.NULL)) {
                throw new Failure(takeError());
            }
            try (Image opened = new Image(image)) {
                byte[][] found = new byte[names.length][];
                for (int i = 0; i < names.length; i++) {
                    MemorySegment name = arena.allocateFrom(names[i]);
                    if ((long) typeOf.invokeExact(image, name) == 0) {
                        continue;
                    }
                    MemorySegment data = arena.allocate(ADDRESS);
                    MemorySegment length = arena.allocate(JAVA_LONG);
                    int status = (int) getBlob.invokeExact(image, name, data, length);
                    long size = status == 0 ? length.get(JAVA_LONG, 0) : -1;
                    if (size > 0 && size <= maxBytes) { // the image owns the block: copy, never free
                        found[i] = data.get(ADDRESS, 0).reinterpret(size).toArray(JAVA_BYTE);
                    }
                }
                return found;
            }
        }
    }

    /**
     * The class name of the (allowed) loader libvips picks for {@code file} by its content, e.g.
     * {@code VipsForeignLoadJpegFile}.
     *
     * @throws Failure where no allowed loader claims it
     */
    String loaderOf(String file) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment loader = (MemorySegment) findLoad.invokeExact(arena.allocateFrom(file));
            if (loader.equals(MemorySegment.NULL)) {
                throw new Failure(takeError());
            }
            return loader.reinterpret(256).getString(0);
        }
    }

    /**
     * Decodes {@code file} shrunk to fit {@code width}×{@code height} (never enlarged), upright; an embedded ICC
     * profile (AdobeRGB, CMYK) is converted to sRGB, an image without one is taken as sRGB already.
     */
    Image thumbnail(String file, int width, int height) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            int status = (int) thumbnail.invokeExact(arena.allocateFrom(file), out, width,
                    arena.allocateFrom("height"), height, arena.allocateFrom("size"), SIZE_DOWN,
                    arena.allocateFrom("fail_on"), FAIL_ON_TRUNCATED, MemorySegment.NULL);
            return result(status, out);
        }
    }

    /** Shrinks a decoded image to fit {@code width}×{@code height}, never enlarging it. */
    Image thumbnail(Image in, int width, int height) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            int status = (int) thumbnailImage.invokeExact(in.pointer, out, width, arena.allocateFrom("height"),
                    height, arena.allocateFrom("size"), SIZE_DOWN, MemorySegment.NULL);
            return result(status, out);
        }
    }

    /**
     * The same pixels as three 8-bit sRGB bands: transparency composed onto white, grey and 16-bit made RGB and 8-bit.
     */
    Image opaqueSrgb8(Image in) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            Image flat = null;
            if (in.hasAlpha()) {
                MemorySegment white = (MemorySegment) arrayDoubleNew.invokeExact(
                        arena.allocateFrom(JAVA_DOUBLE, 255.0, 255.0, 255.0), 3);
                try {
                    MemorySegment out = arena.allocate(ADDRESS);
                    flat = result((int) flatten.invokeExact(in.pointer, out, arena.allocateFrom("background"), white,
                            MemorySegment.NULL), out);
                } finally {
                    areaUnref.invokeExact(white);
                }
            }
            try (Image srgb = colourspace(flat != null ? flat : in, arena)) {
                MemorySegment out = arena.allocate(ADDRESS);
                return result((int) castUchar.invokeExact(srgb.pointer, out, MemorySegment.NULL), out);
            } finally {
                if (flat != null) {
                    flat.close();
                }
            }
        }
    }

    private Image colourspace(Image in, Arena arena) throws Throwable {
        MemorySegment out = arena.allocate(ADDRESS);
        return result((int) colourspace.invokeExact(in.pointer, out, SRGB, MemorySegment.NULL), out);
    }

    /** Computes the image once into memory, so that several later steps do not each decode the file again. */
    Image inMemory(Image in) throws Throwable {
        MemorySegment copy = (MemorySegment) copyMemory.invokeExact(in.pointer);
        if (copy.equals(MemorySegment.NULL)) {
            throw new Failure(takeError());
        }
        return new Image(copy);
    }

    /** A baseline JPEG with no metadata at all. */
    byte[] jpeg(Image in, int quality) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(ADDRESS);
            MemorySegment length = arena.allocate(JAVA_LONG);
            int status = (int) jpegsaveBuffer.invokeExact(in.pointer, buffer, length, arena.allocateFrom("Q"),
                    quality, arena.allocateFrom("strip"), 1, MemorySegment.NULL);
            if (status != 0) {
                throw new Failure(takeError());
            }
            return copyAndFree(buffer.get(ADDRESS, 0), length.get(JAVA_LONG, 0));
        }
    }

    /** The pixels, band-interleaved, one byte per band (call on an {@link #opaqueSrgb8} image). */
    byte[] pixels(Image in) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocate(JAVA_LONG);
            MemorySegment memory = (MemorySegment) writeToMemory.invokeExact(in.pointer, length);
            if (memory.equals(MemorySegment.NULL)) {
                throw new Failure(takeError());
            }
            return copyAndFree(memory, length.get(JAVA_LONG, 0));
        }
    }

    private byte[] copyAndFree(MemorySegment memory, long length) throws Throwable {
        try {
            return memory.reinterpret(length).toArray(JAVA_BYTE);
        } finally {
            free.invokeExact(memory);
        }
    }

    private Image result(int status, MemorySegment out) throws Throwable {
        if (status != 0) {
            throw new Failure(takeError());
        }
        return new Image(out.get(ADDRESS, 0));
    }

    /** libvips' error text since the last clear, which is then cleared. */
    private String takeError() throws Throwable {
        MemorySegment text = (MemorySegment) errorBuffer.invokeExact();
        String message = text.equals(MemorySegment.NULL) ? "" : text.reinterpret(65536).getString(0).strip();
        errorClear.invokeExact();
        return message;
    }

    /** Looks symbols up in libvips and the GLib libraries it links. */
    private record Binder(SymbolLookup lib, Linker linker) {
        MethodHandle function(String name, FunctionDescriptor descriptor) {
            return linker.downcallHandle(symbol(name), descriptor);
        }

        MethodHandle variadic(String name, int firstVariadic, FunctionDescriptor descriptor) {
            return linker.downcallHandle(symbol(name), descriptor, Linker.Option.firstVariadicArg(firstVariadic));
        }

        private MemorySegment symbol(String name) {
            return lib.find(name).orElseThrow(() -> new UnsupportedOperationException(LIBRARY + " lacks " + name));
        }
    }
}
