"""Draw every slide of a PPTX as a PNG, roughly as PowerPoint would, to look at it without LibreOffice.

    python bench/slide_shots.py deck.pptx OUT_DIR

Text boxes and table cells are written with Liberation Sans (Calibri's metrics are close), wrapped
to their boxes; pictures are pasted into their frames. A table whose text needs more height than
the slide has, or a text box whose text runs past the slide, is reported: that is what a reader
would see cut off or running over the footer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

DPI = 100  # pixels per inch of the drawing
FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"


def px(emu) -> int:
    return round(Emu(emu).inches * DPI)


def font(size_pt: float, bold: bool = False):
    return ImageFont.truetype(BOLD if bold else FONT, max(6, round(size_pt * DPI / 72)))


def wrap(draw, text: str, face, width: int) -> list[str]:
    lines = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}".strip()
            if line and draw.textlength(trial, font=face) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def write(draw, text: str, box: tuple[int, int, int, int], size: float, bold=False, fill="#1f2328") -> int:
    """Write text wrapped into box; return the y where it ended."""
    face = font(size, bold)
    x, y, w, _h = box
    step = round(size * 1.2 * DPI / 72)
    for line in wrap(draw, text, face, w):
        draw.text((x, y), line, font=face, fill=fill)
        y += step
    return y


def run_size(frame, default: float) -> tuple[float, bool]:
    for para in frame.paragraphs:
        for run in para.runs:
            if run.font.size:
                return run.font.size.pt, bool(run.font.bold)
    return default, False


def draw_slide(slide, width: int, height: int) -> tuple[Image.Image, list[str]]:
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    problems = []
    for shape in slide.shapes:
        box = (px(shape.left), px(shape.top), px(shape.width), px(shape.height))
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
            picture = Image.open(__import__("io").BytesIO(shape.image.blob)).convert("RGB")
            image.paste(picture.resize((box[2], box[3])), (box[0], box[1]))
        elif shape.has_table:
            table = shape.table
            y = box[1]
            for r, row in enumerate(table.rows):
                x, tallest = box[0], 0
                for c, column in enumerate(table.columns):
                    cell = table.cell(r, c)
                    size, bold = run_size(cell.text_frame, 12)
                    w = px(column.width)
                    end = write(draw, cell.text, (x + 5, y + 5, w - 10, 0), size, bold)
                    tallest = max(tallest, end - y + 5)
                    x += w
                row_h = max(px(row.height), tallest)
                draw.rectangle((box[0], y, x, y + row_h), outline="#8c959f")
                y += row_h
            if y > height:
                problems.append(f"table runs {y - height} px past the slide's bottom")
        elif shape.has_text_frame and shape.text_frame.text.strip():
            y = box[1]
            for para in shape.text_frame.paragraphs:
                text = "".join(r.text for r in para.runs)
                size, bold = run_size_para(para)
                y = write(draw, text, (box[0], y, box[2], 0), size, bold)
            if y > height:
                problems.append(f"text {shape.text_frame.text[:40]!r} runs past the slide's bottom")
    return image, problems


def run_size_para(para) -> tuple[float, bool]:
    for run in para.runs:
        if run.font.size:
            return run.font.size.pt, bool(run.font.bold)
    return 18, False


def main(path: str, out: str) -> None:
    prs = Presentation(path)
    width, height = px(prs.slide_width), px(prs.slide_height)
    Path(out).mkdir(parents=True, exist_ok=True)
    stem = Path(path).stem
    for n, slide in enumerate(prs.slides, 1):
        image, problems = draw_slide(slide, width, height)
        image.save(Path(out) / f"{stem}_{n:02d}.png")
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        print(f"{n:2d} {title[:70]}" + ("  !! " + "; ".join(problems) if problems else ""))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
