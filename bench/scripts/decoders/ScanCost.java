import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.*;
import java.util.Arrays;
import javax.imageio.*;
import javax.imageio.stream.*;

/** What a progressive JPEG with its last scan repeated costs ImageIO to decode: ScanCost SIZE EXTRA_SCANS. */
public class ScanCost {
    public static void main(String[] a) throws Exception {
        int size = Integer.parseInt(a[0]);
        int extra = Integer.parseInt(a[1]);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics(); g.setColor(Color.GRAY); g.fillRect(0,0,size,size); g.dispose();
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream s = ImageIO.createImageOutputStream(out)) {
            w.setOutput(s); ImageWriteParam p = w.getDefaultWriteParam(); p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            w.write(null, new IIOImage(img, null, null), p);
        }
        byte[] jpeg = out.toByteArray();
        int last = -1; for (int i = 2; i + 1 < jpeg.length; i++) if ((jpeg[i]&0xFF)==0xFF && (jpeg[i+1]&0xFF)==0xDA) last = i;
        int end = jpeg.length - 2;
        byte[] scan = Arrays.copyOfRange(jpeg, last, end);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(jpeg, 0, end); for (int i = 0; i < extra; i++) h.write(scan); h.write(jpeg, end, 2);
        byte[] hostile = h.toByteArray();
        System.out.println("size " + size + "x" + size + ", base " + jpeg.length + " B, scan " + scan.length + " B, file " + hostile.length + " B");
        for (int run = 0; run < 2; run++) {
            long t0 = System.nanoTime();
            BufferedImage r = ImageIO.read(new ByteArrayInputStream(hostile));
            long t1 = System.nanoTime();
            System.out.printf("decode with %d extra scans: %.0f ms (%s)%n", extra, (t1 - t0) / 1e6, r == null ? "null" : r.getWidth());
        }
    }
}
