"""Draw the application icon (resources/icons/bangfu.png and .ico) from the bundled CJK font."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
OUT = ROOT / "resources" / "icons"


def draw(size: int = 512) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((8, 8, size - 8, size - 8), radius=size // 6, fill=(196, 30, 58, 255))
    d.rounded_rectangle((30, 30, size - 30, size - 30), radius=size // 7, outline=(255, 215, 0, 255), width=10)
    font = ImageFont.truetype(str(FONT), int(size * 0.62))
    box = d.textbbox((0, 0), "帮", font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(((size - w) / 2 - box[0], (size - h) / 2 - box[1]), "帮", font=font, fill=(255, 255, 255, 255))
    return img


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.resize((256, 256), Image.LANCZOS).save(OUT / "bangfu.png")
    icon.save(OUT / "bangfu.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
