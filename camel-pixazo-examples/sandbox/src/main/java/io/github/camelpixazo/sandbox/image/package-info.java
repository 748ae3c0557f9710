/**
 * How the sandbox draws and encodes its stand-in images: a bitmap font, a prompt renderer, PNG/JPEG through
 * ImageIO and a minimal WebP lossless encoder, plus header sniffing of input images. Support code for the
 * sandbox, not a general-purpose imaging API.
 */
package io.github.camelpixazo.sandbox.image;
