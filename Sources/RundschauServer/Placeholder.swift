public enum RundschauServerPlaceholder {}
