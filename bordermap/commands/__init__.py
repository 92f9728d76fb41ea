"""The commands that are not the pipeline, one module each, calling the library (as rio's commands call rasterio)."""
