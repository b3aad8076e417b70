"""An example replylint rule pack: importing a module registers its rule."""
