"""Fill and open the store: schema, code lists, project content, example data, imports."""
