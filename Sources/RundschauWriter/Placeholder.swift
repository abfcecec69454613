public enum RundschauWriterPlaceholder {}
