/** Small byte strings that are (or pretend to be) images, for upload and record tests. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-test-png')]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-test-jpeg')]);
export const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 test')]);
export const GIF = Buffer.from('GIF89a-test-gif');
/** A text file named like a photo: what a careless or hostile client uploads. */
export const NOT_AN_IMAGE = Buffer.from('<html>这不是图片</html>');
