package org.gallerist.imaging.internal.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.gallerist.spi.imaging.SharedOriginals;
import org.osgi.service.component.annotations.Component;

/**
 * {@link SharedOriginals} for every format Gallerist accepts, none re-encoded: the original is read once to plan the
 * copy (which bytes to drop, replace or zero, per format: see the plans) and once more as the copy is streamed. BMP
 * carries no metadata but an optional colour profile and goes out as it is.
 */
@Component(service = SharedOriginals.class)
public class SharedOriginalsComponent implements SharedOriginals {

    @Override
    public InputStream open(String format, Source original) throws IOException {
        List<Edits.Edit> edits;
        try (Cursor in = new Cursor(original)) {
            edits = switch (format) {
            case "jpeg" -> JpegPlan.plan(in).sorted();
            case "png" -> PngPlan.plan(in).sorted();
            case "webp" -> WebpPlan.plan(in).sorted();
            case "gif" -> GifPlan.plan(in).sorted();
            case "tiff" -> TiffPlan.plan(in).sorted();
            case "heic", "avif" -> HeifPlan.plan(in).sorted();
            case "jxl" -> BoxPlan.jxl(in).sorted();
            case "bmp" -> List.of();
            default -> throw new IOException("No copy for others is made of " + format + " images");
            };
        }
        return new EditedStream(original.open(), edits);
    }
}
